namespace LazyMmuGen.Generator.Model;

/// <summary>Output of the parse step: a spec when the descriptor is valid, and its diagnostics.</summary>
public sealed record ParseResult(string Path, ArchSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public ArchIdentity? Identity => Spec is null ? null : new ArchIdentity(Spec.Name, Spec.TypeName, Path, Spec.NameLocation);
}

/// <summary>What cross-file validation looks at: the names one descriptor claims.</summary>
public sealed record ArchIdentity(string Name, string TypeName, string Path, LocationInfo NameLocation);
