namespace LazyMmuGen.Runtime;

/// <summary>
/// Points in the generic layer between a counter update and the arch callback it triggers: where a task can be
/// preempted in the kernel's helpers (they do not disable preemption), which is how the x86-xen-strict-enter race
/// happens (docs/contract.md §6).
/// </summary>
public enum PreemptSite
{
    /// <summary>In lazy_mmu_mode_enable(), after enable_count became 1 and before arch_enter_lazy_mmu_mode().</summary>
    EnableBeforeEnter,

    /// <summary>In lazy_mmu_mode_disable(), after enable_count reached 0 and before arch_leave_lazy_mmu_mode().</summary>
    DisableBeforeLeave,

    /// <summary>In a nested lazy_mmu_mode_disable(), after the decrement and before arch_flush_lazy_mmu_mode().</summary>
    DisableBeforeFlush,

    /// <summary>In lazy_mmu_mode_pause(), after pause_count became 1 and before the arch's leave (or pause).</summary>
    PauseBeforeLeave,

    /// <summary>In lazy_mmu_mode_resume(), after pause_count reached 0 and before the arch's enter (or resume).</summary>
    ResumeBeforeEnter,
}
