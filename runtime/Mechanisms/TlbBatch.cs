namespace LazyMmuGen.Runtime;

/// <summary>
/// A per-CPU batch of TLB invalidations (powerpc hash ppc64_tlb_batch, sparc64 tlb_batch). Entries
/// remember their pending write so a flush completes exactly what it invalidated.
/// </summary>
public sealed class TlbBatch(int capacity)
{
    private readonly long[] ids = new long[capacity];
    private int mm;
    private byte pageShift;
    private byte segmentShift;

    public int Capacity => capacity;
    public int Count { get; private set; }
    public bool IsFull => Count >= capacity;

    /// <summary>The owner of the entries, for checkers: a batch must never mix tasks or mms.</summary>
    public int Task { get; private set; }
    public int Mm => mm;
    public IEnumerable<long> PendingIds => ids.Take(Count);

    /// <summary>True when appending <paramref name="write"/> needs a flush first (a chosen key changed).</summary>
    public bool Differs(in PteWrite write, bool byMm, bool byPageSize, bool bySegmentSize, bool byHugePageShift) =>
        Count > 0 && ((byMm && write.Mm != mm) || ((byPageSize || byHugePageShift) && write.PageShift != pageShift)
                      || (bySegmentSize && write.SegmentShift != segmentShift));

    public void Append(long id, in PteWrite write, int task)
    {
        if (Count == 0)
        {
            mm = write.Mm;
            pageShift = write.PageShift;
            segmentShift = write.SegmentShift;
            Task = task;
        }
        ids[Count++] = id;
    }

    /// <summary>One invalidation: single-entry for one entry, a range (or cross-CPU batch) flush otherwise.</summary>
    public void Flush(MachineCore machine)
    {
        if (Count == 0) return;
        machine.Effects.Add(Effect.TlbFlush);
        machine.Effects.Add(Effect.TlbFlushEntries, Count);
        if (Count > 1) machine.Effects.Add(Effect.TlbFlushRange);
        for (var i = 0; i < Count; i++) machine.Pending.Complete(ids[i]);
        Count = 0;
    }

    /// <summary>Outside the mode: invalidate one entry at once.</summary>
    public static void FlushOne(MachineCore machine, long id)
    {
        machine.Effects.Add(Effect.TlbFlush);
        machine.Effects.Add(Effect.TlbFlushEntries);
        machine.Pending.Complete(id);
    }
}
