namespace LazyMmuGen.Runtime.Scripting;

/// <summary>
/// What an op is (<see cref="ScriptOp.Kind"/>), read once from its name: the trace runner and the model checker
/// branch on it for every op they run, millions of times, instead of comparing names.
/// </summary>
public enum OpKind
{
    /// <summary>lazy_mmu_mode_enable(), or enable_with_ptes() with start/end.</summary>
    Enable,

    /// <summary>lazy_mmu_mode_disable().</summary>
    Disable,

    /// <summary>lazy_mmu_mode_pause().</summary>
    Pause,

    /// <summary>lazy_mmu_mode_resume().</summary>
    Resume,

    /// <summary>A pte update.</summary>
    SetPte,

    /// <summary>A pte read (ptep_get()).</summary>
    GetPte,

    /// <summary>Interrupt entry.</summary>
    IrqEnter,

    /// <summary>Interrupt exit.</summary>
    IrqExit,

    /// <summary>preempt_disable().</summary>
    PreemptDisable,

    /// <summary>preempt_enable().</summary>
    PreemptEnable,

    /// <summary>A context switch to another task.</summary>
    Switch,

    /// <summary>A migration of the current task to another CPU.</summary>
    Migrate,
}
