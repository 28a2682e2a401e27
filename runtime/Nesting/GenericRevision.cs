namespace LazyMmuGen.Runtime;

/// <summary>Which revision of the generic layer a machine runs (docs/contract.md §2 and §5).</summary>
public enum GenericRevision
{
    /// <summary>The merged contract: enable_count/pause_count, nested pause, calls while paused ignored.</summary>
    Final,

    /// <summary>Seed v3: {count, enabled}; enable while paused only warns; pause/resume do not nest.</summary>
    V3,

    /// <summary>arm64 before nesting support: a nested enter is tolerated but the first leave ends the mode.</summary>
    Legacy,

    /// <summary>
    /// Seed v2, "[PATCH v2 2/7] mm: introduce local state for lazy_mmu sections" (Kevin Brodsky, Sept 2025):
    /// arch_enter() returns a lazy_mmu_state_t the caller keeps and passes to arch_leave(state);
    /// a nested enter returns LAZY_MMU_NESTED and its leave only flushes. Pause/resume are
    /// leave(LAZY_MMU_DEFAULT) then enter() and do not nest. See <see cref="LazyMmuV2{TArch,TTask,TCpu}"/>.
    /// </summary>
    V2,
}
