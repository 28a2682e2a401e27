namespace LazyMmuGen.Generator.Model;

/// <summary>Output of the parse step: a spec when the descriptor is valid, and its diagnostics.</summary>
public sealed record ParseResult(string Path, ArchSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics)
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
