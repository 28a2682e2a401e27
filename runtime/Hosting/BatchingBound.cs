namespace LazyMmuGen.Runtime;

/// <summary>
/// A mechanism's "batching is real" bound (docs/contract.md §7), from the <c>batching:</c> declaration of its
/// definition with the arch's parameter values filled in. Within one lazy MMU section of a task, the
/// <see cref="Effects"/> the task's own ops emit (summed) may not exceed what these allowances add up to:
/// <list type="bullet">
/// <item>each flush point (an arch_flush, arch_leave or arch_pause the task's own API call runs): at most
/// <see cref="PerFlush"/> (or, when <see cref="PerFlushDistinct"/>, one per distinct pte deferred since the
/// previous flush point), and nothing when no write was deferred since then;</item>
/// <item>one per <see cref="Capacity"/> writes the task made with its mode active (the batch filling up);</item>
/// <item>with <see cref="KeyChanges"/>, one per such write whose mm, page size or segment size differs from the
/// previous one's (a flush key changed);</item>
/// <item><see cref="Unbatched"/> per write made with the mode active that the mechanism completed at once
/// (it does not batch that write, e.g. s390 outside the cached range);</item>
/// <item>two per write made with the mode off inside the section (paused): its own immediate effect and an
/// early flush it may cause;</item>
/// <item>one per context switch inside the task's API call (a preemption point: Xen's switch-out flushes, arm64's
/// __switch_to issues a dsb).</item>
/// </list>
/// Interrupts, context switches and migrations are not the task's ops: what they emit is never charged.
/// </summary>
/// <param name="Mechanism">The mechanism that declares it.</param>
/// <param name="Effects">The effect kinds that count one batched flush, by counter name.</param>
/// <param name="Capacity">Writes one batch carries at least before it flushes itself, or null when it never fills.</param>
/// <param name="PerFlush">Counted effects one flush point may emit (ignored when <see cref="PerFlushDistinct"/>).</param>
/// <param name="PerFlushDistinct">True when a flush point may emit one per distinct pte deferred since the previous one (s390: one IPTE per run).</param>
/// <param name="KeyChanges">True when a change of flush key may flush the batch (tlb-batch's flush-keys).</param>
/// <param name="Unbatched">Counted effects a write the mechanism does not batch may cost inside the mode.</param>
public sealed record BatchingBound(
    string Mechanism,
    IReadOnlyList<string> Effects,
    int? Capacity,
    int PerFlush,
    bool PerFlushDistinct,
    bool KeyChanges,
    int Unbatched)
{
    /// <summary>The bound as one line, for reports: "tlb-batch: tlb_flush per flush point 1, capacity 192, key changes, unbatched 0".</summary>
    public override string ToString() =>
        $"{Mechanism}: {string.Join("+", Effects)} per flush point {(PerFlushDistinct ? "one per distinct pte" : PerFlush.ToString(System.Globalization.CultureInfo.InvariantCulture))}"
        + (Capacity is { } c ? $", capacity {c}" : ", no capacity flush")
        + (KeyChanges ? ", key changes" : "")
        + $", unbatched {Unbatched}";
}
