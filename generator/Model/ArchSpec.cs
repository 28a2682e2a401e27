namespace LazyMmuGen.Generator.Model;

/// <summary>
/// A validated descriptor: everything rendering needs and nothing Roslyn owns. <see cref="TypeNameLocation"/> is the
/// explicit 'type-name' value (null when the type name is derived from the arch name), for cross-file diagnostics.
/// </summary>
public sealed record ArchSpec(
    string Name,
    string TypeName,
    string Summary,
    string DescriptorPath,
    bool DistinctPauseResume,
    EquatableArray<MechanismSpec> Mechanisms,
    ExpectedViolationSpec? ExpectedViolation,
    LocationInfo NameLocation,
    LocationInfo? TypeNameLocation = null);

/// <summary>
/// The descriptor's 'expected-violation': the checker property the arch is kept to violate (e.g. "no arch BUG")
/// and why. Both are validated, whitespace-normalized one-line texts; equality is by value.
/// </summary>
public sealed record ExpectedViolationSpec(string Property, string Reason);
