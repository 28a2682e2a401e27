namespace LazyMmuGen.Generator.Model;

/// <summary>A validated descriptor: everything rendering needs and nothing Roslyn owns.</summary>
public sealed record ArchSpec(
    string Name,
    string TypeName,
    string Summary,
    string DescriptorPath,
    bool DistinctPauseResume,
    EquatableArray<MechanismSpec> Mechanisms,
    LocationInfo NameLocation);
