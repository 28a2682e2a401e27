namespace LazyMmuGen.Generator.Model;

/// <summary>The consumer's own mechanism definitions (mechanism.yaml AdditionalFiles), by path; empty: built-ins only.</summary>
public sealed record MechanismChoice(EquatableArray<MechanismSource> Definitions)
{
    public static MechanismChoice BuiltinOnly { get; } = new(EquatableArray<MechanismSource>.Empty);
}

/// <summary>One mechanism.yaml: where it is, and its text.</summary>
public sealed record MechanismSource(string Path, string Text);
