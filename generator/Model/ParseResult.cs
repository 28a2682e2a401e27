namespace LazyMmuGen.Generator.Model;

/// <summary>
/// Output of the parse step: a spec when the descriptor is valid, and its diagnostics. When it is not,
/// <see cref="ClaimedTypeName"/> is the type name it would have defined (if that much was valid), so the
/// generator can keep the name as a placeholder instead of leaving user code to fail with CS0103.
/// </summary>
public sealed record ParseResult(string Path, ArchSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics,
    string? ClaimedTypeName = null, string RelativePath = "")
{
    public ArchIdentity? Identity => Spec is null ? null : new ArchIdentity(Spec.Name, Spec.TypeName, Path, Spec.NameLocation, Spec.TypeNameLocation);
}

/// <summary>
/// What cross-file validation looks at: the names one descriptor claims, and where. <see cref="TypeNameLocation"/>
/// is the explicit 'type-name' value, or null when the type name is derived from the arch name.
/// </summary>
public sealed record ArchIdentity(string Name, string TypeName, string Path, LocationInfo NameLocation, LocationInfo? TypeNameLocation = null)
{
    public LocationInfo TypeNameOrigin => TypeNameLocation ?? NameLocation;
}
