using System.Text;

namespace LazyMmuGen.Runtime;

/// <summary>
/// A per-CPU batch of TLB invalidations (powerpc hash ppc64_tlb_batch, sparc64 tlb_batch). Entries
/// remember their pending write so a flush completes exactly what it invalidated.
/// </summary>
public sealed class TlbBatch(int capacity, TlbFlushKeys keys) : IMechanismState
{
    private readonly long[] ids = new long[capacity];
    private readonly int[] tasks = new int[capacity];
    private readonly int[] mms = new int[capacity];
    private byte pageShift;
    private byte segmentShift;

    public string Kind => "tlb-batch";
    public int Capacity => capacity;
    public int Count { get; private set; }
    public int Entries => Count;
    public bool IsFull => Count >= capacity;
    public bool KeyedByMm => keys.HasFlag(TlbFlushKeys.Mm);
    public IEnumerable<int> EntryTasks => tasks.Take(Count);
    public IEnumerable<int> EntryMms => mms.Take(Count);

    /// <summary>True when appending <paramref name="write"/> needs a flush first (a flush key changed).</summary>
    public bool Differs(in PteWrite write) =>
        Count > 0 && ((KeyedByMm && write.Mm != mms[0])
                      || ((keys & (TlbFlushKeys.PageSize | TlbFlushKeys.HugePageShift)) != 0 && write.PageShift != pageShift)
                      || (keys.HasFlag(TlbFlushKeys.SegmentSize) && write.SegmentShift != segmentShift));

    /// <summary>
    /// True when the batch holds another mm's entries: sparc64 tlb_batch_add_one() (arch/sparc/mm/tlb.c)
    /// flushes on `nr != 0 &amp;&amp; mm != tb->mm` before it checks whether the mode is active.
    /// </summary>
    public bool HoldsOtherMm(int mm) => Count > 0 && mms[0] != mm;

    public void Append(long id, in PteWrite write, int task)
    {
        if (Count == 0)
        {
            pageShift = write.PageShift;
            segmentShift = write.SegmentShift;
        }
        ids[Count] = id;
        tasks[Count] = task;
        mms[Count] = write.Mm;
        Count++;
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

    public IMechanismState Clone()
    {
        var copy = new TlbBatch(capacity, keys) { Count = Count, pageShift = pageShift, segmentShift = segmentShift };
        Array.Copy(ids, copy.ids, Count);
        Array.Copy(tasks, copy.tasks, Count);
        Array.Copy(mms, copy.mms, Count);
        return copy;
    }

    public void AppendFingerprint(StringBuilder builder)
    {
        builder.Append("tlb[").Append(pageShift).Append(',').Append(segmentShift);
        for (var i = 0; i < Count; i++) builder.Append(';').Append(tasks[i]).Append('/').Append(mms[i]);
        builder.Append(']');
    }
}
