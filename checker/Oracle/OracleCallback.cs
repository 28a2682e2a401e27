namespace LazyMmuGen.Checker.Oracle;

/// <summary>The oracle's own names for arch callbacks; pause/resume map to leave/enter without distinct ones.</summary>
public enum OracleCallback
{
    /// <summary>arch_enter_lazy_mmu_mode().</summary>
    Enter,

    /// <summary>arch_leave_lazy_mmu_mode().</summary>
    Leave,

    /// <summary>arch_flush_lazy_mmu_mode().</summary>
    Flush,

    /// <summary>The arch's own pause (arches with distinct pause/resume).</summary>
    Pause,

    /// <summary>The arch's own resume (arches with distinct pause/resume).</summary>
    Resume,
}
