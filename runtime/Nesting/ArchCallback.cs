namespace LazyMmuGen.Runtime;

/// <summary>The arch callbacks the generic layer calls (the arch_*_lazy_mmu_mode() hooks), as recorded in a <see cref="CallbackLog"/>.</summary>
public enum ArchCallback
{
    /// <summary>arch_enter_lazy_mmu_mode() (or arch_enter_lazy_mmu_mode_with_ptes()): the outermost enable, or a resume.</summary>
    Enter,

    /// <summary>arch_leave_lazy_mmu_mode(): the outermost disable, or a pause; completes every deferred update.</summary>
    Leave,

    /// <summary>arch_flush_lazy_mmu_mode(): a nested disable; completes deferred updates and stays in the mode.</summary>
    Flush,

    /// <summary>The arch's own pause (proposed arch_pause_lazy_mmu_mode()), only for arches with distinct pause/resume.</summary>
    Pause,

    /// <summary>The arch's own resume (proposed arch_resume_lazy_mmu_mode()), only for arches with distinct pause/resume.</summary>
    Resume,
}
