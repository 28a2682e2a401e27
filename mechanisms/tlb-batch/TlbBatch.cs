using System.Text;

namespace LazyMmuGen.Runtime;

/// <summary>
/// A per-CPU batch of TLB invalidations (powerpc hash ppc64_tlb_batch, sparc64 tlb_batch). Entries
/// remember their pending write so a flush completes exactly what it invalidated.
/// </summary>
/// <param name="capacity">Entries before the batch flushes itself (PPC64_TLB_BATCH_NR and TLB_BATCH_NR: 192).</param>
/// <param name="keys">The properties whose change flushes a non-empty batch first.</param>
public sealed class TlbBatch(int capacity, TlbFlushKeys keys) : IMechanismState
{
    // Declared in this folder's mechanism.yaml (the generator emits the declaration into each arch that uses it).
    private static readonly EffectKind TlbFlushEffect = EffectKind.Named("tlb_flush");
    private static readonly EffectKind TlbFlushEntriesEffect = EffectKind.Named("tlb_flush_entries");
    private static readonly EffectKind TlbFlushRangeEffect = EffectKind.Named("tlb_flush_range");

    private readonly long[] ids = new long[capacity];
    private readonly int[] tasks = new int[capacity];
    private readonly int[] mms = new int[capacity];
    private byte pageShift;
    private byte segmentShift;

    /// <inheritdoc/>
    public string Kind => "tlb-batch";

    /// <summary>Entries the batch holds at most.</summary>
    public int Capacity => capacity;

    /// <summary>Entries queued (the kernel's tlb_batch nr / ppc64_tlb_batch index).</summary>
    public int Count { get; private set; }

    /// <summary>Entries queued; the same as <see cref="Count"/>.</summary>
    public int Entries => Count;

    /// <summary>True when the batch holds <see cref="Capacity"/> entries and must be flushed.</summary>
    public bool IsFull => Count >= capacity;

    /// <summary>True when mm is a flush key (<see cref="TlbFlushKeys.Mm"/>): the batch holds one mm's entries.</summary>
    public bool KeyedByMm => keys.HasFlag(TlbFlushKeys.Mm);

    /// <inheritdoc/>
    public IEnumerable<int> EntryTasks => tasks.Take(Count);

    /// <inheritdoc/>
    public IEnumerable<int> EntryMms => mms.Take(Count);

    /// <summary>True when appending <paramref name="write"/> needs a flush first (a flush key changed).</summary>
    /// <param name="write">The update about to be appended.</param>
    public bool Differs(in PteWrite write) =>
        Count > 0 && ((KeyedByMm && write.Mm != mms[0])
                      || ((keys & (TlbFlushKeys.PageSize | TlbFlushKeys.HugePageShift)) != 0 && write.PageShift != pageShift)
                      || (keys.HasFlag(TlbFlushKeys.SegmentSize) && write.SegmentShift != segmentShift));

    /// <summary>
    /// True when the batch holds another mm's entries: sparc64 tlb_batch_add_one() (arch/sparc/mm/tlb.c)
    /// flushes on `nr != 0 &amp;&amp; mm != tb->mm` before it checks whether the mode is active.
    /// </summary>
    /// <param name="mm">The mm about to be written.</param>
    public bool HoldsOtherMm(int mm) => Count > 0 && mms[0] != mm;

    /// <summary>Queues an invalidation for a write; the first entry sets the batch's page and segment size. Check <see cref="IsFull"/> first.</summary>
    /// <param name="id">The pending write the flush will complete.</param>
    /// <param name="write">The update (its mm and sizes are the batch's keys).</param>
    /// <param name="task">The writing task.</param>
    /// <exception cref="IndexOutOfRangeException">The batch is full.</exception>
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
    /// <param name="machine">The machine whose effects are counted and whose pending writes complete.</param>
    public void Flush(MachineCore machine)
    {
        if (Count == 0) return;
        machine.Effects.Add(TlbFlushEffect);
        machine.Effects.Add(TlbFlushEntriesEffect, Count);
        if (Count > 1) machine.Effects.Add(TlbFlushRangeEffect);
        for (var i = 0; i < Count; i++) machine.Pending.Complete(ids[i]);
        Count = 0;
    }

    /// <summary>Outside the mode: invalidate one entry at once.</summary>
    /// <param name="machine">The machine whose effects are counted.</param>
    /// <param name="id">The pending write it completes.</param>
    public static void FlushOne(MachineCore machine, long id)
    {
        machine.Effects.Add(TlbFlushEffect);
        machine.Effects.Add(TlbFlushEntriesEffect);
        machine.Pending.Complete(id);
    }

    /// <inheritdoc/>
    public IMechanismState Clone()
    {
        var copy = new TlbBatch(capacity, keys) { Count = Count, pageShift = pageShift, segmentShift = segmentShift };
        Array.Copy(ids, copy.ids, Count);
        Array.Copy(tasks, copy.tasks, Count);
        Array.Copy(mms, copy.mms, Count);
        return copy;
    }

    /// <inheritdoc/>
    public void AppendFingerprint(StringBuilder builder)
    {
        builder.Append("tlb[").Append(pageShift).Append(',').Append(segmentShift);
        for (var i = 0; i < Count; i++) builder.Append(';').Append(tasks[i]).Append('/').Append(mms[i]);
        builder.Append(']');
    }
}
