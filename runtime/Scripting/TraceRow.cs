namespace LazyMmuGen.Runtime.Scripting;

/// <summary>What one op did: the columns of `lazymmu trace`, in table or json form.</summary>
/// <param name="Op">The op as written in the script.</param>
/// <param name="Callbacks">Every arch callback it caused, in order, those of context-switch hooks included.</param>
/// <param name="EnableCount">The current task's enable_count after the op.</param>
/// <param name="PauseCount">The current task's pause_count after the op.</param>
/// <param name="Active">is_lazy_mmu_mode_active() after the op, in the current context.</param>
/// <param name="Warnings">The warnings printed by the op (a warn-once site's first firing only).</param>
/// <param name="Pending">pte updates still pending after the op, all tasks.</param>
/// <param name="Effects">The side effects of this op alone.</param>
/// <param name="Task">The current task after the op.</param>
/// <param name="Cpu">The current CPU after the op.</param>
/// <param name="Result">What the op returned (get_pte: the pte, e.g. "kernel:1"), or null.</param>
/// <param name="Error">Why the machine refused the op, or "BUG: ..." when the arch hit a BUG_ON (the trace stops); null when it ran.</param>
public sealed record TraceRow(
    string Op,
    IReadOnlyList<ArchCallback> Callbacks,
    byte EnableCount,
    byte PauseCount,
    bool Active,
    IReadOnlyList<string> Warnings,
    int Pending,
    EffectCounts Effects,
    int Task,
    int Cpu,
    string? Result,
    string? Error);
