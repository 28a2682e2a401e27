namespace LazyMmuGen.Generator.Model;

/// <summary>The template overrides in effect (empty: built-ins only), plus problems found collecting them.</summary>
public sealed record TemplateChoice(EquatableArray<TemplateOverride> Overrides)
{
    public static TemplateChoice BuiltinOnly { get; } = new(EquatableArray<TemplateOverride>.Empty);
}
