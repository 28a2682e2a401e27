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

    /// <summary>The bounds its mechanisms' 'batching:' declarations give with its parameter values (ArchInfo.Facts.Batching).</summary>
    public EquatableArray<BatchingFacts> Batching { get; init; }

    /// <summary>True when every mechanism it uses declares 'cpu-symmetric: true' (ArchInfo.Facts.CpuSymmetric).</summary>
    public bool CpuSymmetric { get; init; }

    /// <summary>True when the generated GetPte is only the page-table read (ArchInfo.Facts.GetPteIsPlainRead).</summary>
    public bool GetPteIsPlainRead { get; init; }
}

/// <summary>One mechanism's "batching is real" bound with the arch's values (the runtime's BatchingBound).</summary>
public sealed record BatchingFacts(string Mechanism, EquatableArray<string> Effects, int? Capacity, int PerFlush, bool PerFlushDistinct, bool KeyChanges, int Unbatched);

/// <summary>What the generator publishes about one arch's generated code (ArchInfo.Facts).</summary>
public sealed record GeneratedFacts(EquatableArray<string> CallbacksWithWork, EquatableArray<string> TaskStateFields, EquatableArray<string> CpuStateFields, EquatableArray<string> Effects);
