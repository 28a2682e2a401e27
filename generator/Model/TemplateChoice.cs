namespace LazyMmuGen.Generator.Model;

/// <summary>
/// The template overrides in effect (empty: built-ins only), and the consumer's own mechanisms, whose
/// fragments (mechanisms/NAME/HOOK) are new templates rather than overrides.
/// </summary>
public sealed record TemplateChoice(EquatableArray<TemplateOverride> Overrides, EquatableArray<string> NewMechanisms = default)
{
    public static TemplateChoice BuiltinOnly { get; } = new(EquatableArray<TemplateOverride>.Empty);

    /// <summary>True when <paramref name="logicalName"/> is a fragment of one of the consumer's own mechanisms.</summary>
    public bool IsNewFragment(string logicalName) =>
        NewMechanisms.Count > 0 && logicalName.StartsWith("mechanisms/", System.StringComparison.Ordinal)
        && System.Linq.Enumerable.Contains(NewMechanisms, logicalName.Split('/')[1]);
}
