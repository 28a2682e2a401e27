namespace LazyMmuGen.Runtime;

/// <summary>The one spelling of every counter, shared by trace json, simulate and tests.</summary>
public static class EffectNames
{
    public const int Count = (int)Effect.MmuUpdate + 1;

    private static readonly string[] Names =
    [
        "dsb", "isb", "tlb_flush", "tlb_flush_entries", "tlb_flush_range", "hypercall", "multicall",
        "multicall_entries", "reg_write", "ipte", "ipte_entries", "preempt_disable", "preempt_enable",
        "context_switch", "pte_write", "mmu_update",
    ];

    public static string Of(Effect effect) => Names[(int)effect];

    public static IReadOnlyList<Effect> All { get; } = Enumerable.Range(0, Count).Select(i => (Effect)i).ToArray();

    public static bool TryParse(string name, out Effect effect)
    {
        var index = Array.IndexOf(Names, name);
        effect = (Effect)Math.Max(index, 0);
        return index >= 0;
    }
}
