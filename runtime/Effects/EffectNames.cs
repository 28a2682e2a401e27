namespace LazyMmuGen.Runtime;

/// <summary>The one spelling of every counter, shared by trace json, simulate and tests.</summary>
public static class EffectNames
{
    /// <summary>Number of <see cref="Effect"/> kinds.</summary>
    public const int Count = (int)Effect.MmuUpdate + 1;

    private static readonly string[] Names =
    [
        "dsb", "isb", "tlb_flush", "tlb_flush_entries", "tlb_flush_range", "hypercall", "multicall",
        "multicall_entries", "reg_write", "ipte", "ipte_entries", "preempt_disable", "preempt_enable",
        "context_switch", "pte_write", "mmu_update",
    ];

    /// <summary>The snake_case name of a kind, e.g. "tlb_flush" for <see cref="Effect.TlbFlush"/>.</summary>
    /// <param name="effect">The kind.</param>
    public static string Of(Effect effect) => Names[(int)effect];

    /// <summary>Every kind, in enum order (the order output lists them in).</summary>
    public static IReadOnlyList<Effect> All { get; } = Enumerable.Range(0, Count).Select(i => (Effect)i).ToArray();

    /// <summary>The kind with a snake_case name (ordinal, case-sensitive).</summary>
    /// <param name="name">A name such as "dsb" or "mmu_update".</param>
    /// <param name="effect">The kind, or <see cref="Effect.Dsb"/> when the name is unknown.</param>
    /// <returns>False when no kind has that name.</returns>
    public static bool TryParse(string name, out Effect effect)
    {
        var index = Array.IndexOf(Names, name);
        effect = (Effect)Math.Max(index, 0);
        return index >= 0;
    }
}
