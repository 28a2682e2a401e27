namespace LazyMmuGen.Runtime;

/// <summary>
/// The four VM_WARN_ON_ONCE sites of the final generic layer (include/linux/pgtable.h), plus the seed v3's own
/// checks. Each fires at most once per machine, as WARN_ON_ONCE does per boot.
/// </summary>
public enum WarnSite
{
    /// <summary>lazy_mmu_mode_enable() with enable_count == 255: it wraps to 0 and no enter is called.</summary>
    EnableOverflow,

    /// <summary>lazy_mmu_mode_disable() with enable_count == 0: it wraps to 255 and arch_flush is called.</summary>
    DisableUnderflow,

    /// <summary>lazy_mmu_mode_pause() with pause_count == 255: it wraps to 0.</summary>
    PauseOverflow,

    /// <summary>lazy_mmu_mode_resume() with pause_count == 0: it wraps to 255.</summary>
    ResumeUnderflow,

    /// <summary>Seed v3 only: enable() while paused warns and goes on.</summary>
    V3EnableWhilePaused,

    /// <summary>Seed v3 only: pause() while already paused (pause does not nest).</summary>
    V3NestedPause,

    /// <summary>Seed v3 only: resume() while not paused.</summary>
    V3ResumeWithoutPause,
}
