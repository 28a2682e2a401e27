namespace LazyMmuGen.Runtime;

/// <summary>Which revision of the generic layer a machine runs (SEMANTICS.md §2-3).</summary>
public enum GenericRevision
{
    /// <summary>The merged contract: enable_count/pause_count, nested pause, calls while paused ignored.</summary>
    Final,

    /// <summary>Seed v3: {count, enabled}; enable while paused only warns; pause/resume do not nest.</summary>
    V3,

    /// <summary>arm64 before nesting support: a nested enter is tolerated but the first leave ends the mode.</summary>
    Legacy,
}
