namespace LazyMmuGen.Generator;

/// <summary>Names of every pipeline step, so tests can assert what was cached and what re-ran.</summary>
public static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string Mechanisms = nameof(Mechanisms);
    public const string Templates = nameof(Templates);
    public const string Settings = nameof(Settings);
    public const string Descriptors = nameof(Descriptors);
    public const string Parsed = nameof(Parsed);
    public const string Identities = nameof(Identities);
    public const string Duplicates = nameof(Duplicates);
    public const string RenderInputs = nameof(RenderInputs);
    public const string RenderedArch = nameof(RenderedArch);
    public const string RegistryEntries = nameof(RegistryEntries);
    public const string RenderedRegistry = nameof(RenderedRegistry);
    public const string Placeholders = nameof(Placeholders);
    public const string RenderedPlaceholders = nameof(RenderedPlaceholders);
}
