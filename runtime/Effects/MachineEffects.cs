namespace LazyMmuGen.Runtime;

/// <summary>
/// The effects the machine counts itself, whatever the arch: every other kind is declared by the mechanism that
/// emits it (its <c>mechanism.yaml</c>). They print after the mechanisms' counters.
/// </summary>
public static class MachineEffects
{
    /// <summary>The owner of the machine's own kinds; no mechanism may use this name.</summary>
    public const string Owner = "machine";

    /// <summary>The declarations, in output order. Plain data: the registry reads it while it initialises.</summary>
    internal static readonly EffectDeclaration[] Declarations =
    [
        new("preempt_disable", Owner, 0, "A preempt_disable() call.", 1, "estimate: a per-CPU counter"),
        new("preempt_enable", Owner, 1, "A preempt_enable() call.", 1, "estimate: a per-CPU counter"),
        new("context_switch", Owner, 2, "One __switch_to on one CPU (a migration counts two).", 2000,
            "estimate: direct cost of switching tasks (registers, scheduler, mm)"),
        new("pte_write", Owner, 3, "A pte store requested through the machine (MachineCore.SetPte).", 5,
            "estimate: the pte store itself, the same in every mode"),
    ];

    /// <summary><c>preempt_disable</c>: a preempt_disable() call.</summary>
    public static EffectKind PreemptDisable { get; } = EffectKind.Named("preempt_disable");

    /// <summary><c>preempt_enable</c>: a preempt_enable() call.</summary>
    public static EffectKind PreemptEnable { get; } = EffectKind.Named("preempt_enable");

    /// <summary><c>context_switch</c>: one __switch_to on one CPU (a migration counts two).</summary>
    public static EffectKind ContextSwitch { get; } = EffectKind.Named("context_switch");

    /// <summary><c>pte_write</c>: a pte store requested through the machine.</summary>
    public static EffectKind PteWrite { get; } = EffectKind.Named("pte_write");
}
