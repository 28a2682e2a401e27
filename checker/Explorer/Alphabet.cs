using LazyMmuGen.Runtime;

namespace LazyMmuGen.Checker.Explorer;

/// <summary>
/// The default op alphabet: the API with and without preemption at its preemption point, pte writes
/// varying every flush key (kind, validity, mm, page size, segment size), reads, interrupts,
/// context switches between two tasks and migration between two CPUs. The other mm's write is a user
/// pte, because sparc64 batches only user ptes (maybe_tlb_batch_add()) and its early flush on another mm
/// (tlb_batch_add_one()) is reached only that way.
/// </summary>
public static class Alphabet
{
    /// <summary>The ops every arch is explored with (21 of them), in trace-script syntax.</summary>
    public static readonly IReadOnlyList<string> Core =
    [
        "enable", "disable", "pause", "resume",
        "enable(preempt=2)", "disable(preempt=2)", "pause(preempt=2)", "resume(preempt=2)",
        "set_pte(addr=0x1000)", "set_pte(kind=user,addr=0x2000)", "set_pte(valid=false,addr=0x1000)",
        "set_pte(kind=user,mm=2,addr=0x1000)", "set_pte(page_shift=21,addr=0x1000)", "set_pte(segment_shift=40,addr=0x1000)",
        "get_pte(addr=0x1000)",
        "irq_enter", "irq_exit",
        "switch(task=2)", "switch(task=1)",
        "migrate(cpu=1)", "migrate(cpu=0)",
    ];

    /// <summary>Arches that use the range of enable_with_ptes() also get the ranged enable.</summary>
    /// <param name="arch">The arch to explore.</param>
    public static IReadOnlyList<string> For(ArchInfo arch) =>
        arch.TakesEnableRange ? [.. Core, "enable(mm=1,start=0x1000,end=0x3000)"] : Core;
}
