namespace LazyMmuGen.Generator.Model;

/// <summary>One arch's generated file (or none) plus every diagnostic for its descriptor.</summary>
public sealed record RenderResult(
    string HintName,
    string? Source,
    EquatableArray<DiagnosticInfo> Diagnostics,
    RegistryEntry? Entry,
    PlaceholderEntry? Placeholder = null);

/// <summary>What the registry lists about one successfully generated arch.</summary>
public sealed record RegistryEntry(
    string Name,
    string TypeName,
    string Summary,
    string DescriptorPath,
    bool DistinctPauseResume,
    bool HasLazyMmuMode,
    bool TakesEnableRange,
    EquatableArray<string> Mechanisms,
    ExpectedViolationSpec? ExpectedViolation,
    GeneratedFacts Facts)
{
    /// <summary>The arch's generated file, exactly as added under its hint name (ArchInfo.GeneratedSource).</summary>
    public string Source { get; init; } = "";
}

/// <summary>What the generator publishes about one arch's generated code (ArchInfo.Facts).</summary>
public sealed record GeneratedFacts(EquatableArray<string> CallbacksWithWork, EquatableArray<string> TaskStateFields, EquatableArray<string> CpuStateFields, EquatableArray<string> Effects);
