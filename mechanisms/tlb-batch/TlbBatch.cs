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

    // Grown on demand up to the capacity: a model checker holds hundreds of thousands of copies, mostly near-empty.
    private (long Id, int Task, int Mm)[] entries = [];
    private byte pageShift;
    private byte segmentShift;

    // The constructor's parameters, readable on another instance (TryCopyFrom compares them).
    private TlbFlushKeys KeysParameter => keys;

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
    public bool KeyedByMm => (keys & TlbFlushKeys.Mm) != 0;

    /// <inheritdoc/>
    public IEnumerable<int> EntryTasks => Column(ref tasksView, static e => e.Task);

    /// <inheritdoc/>
    public IEnumerable<int> EntryMms => Column(ref mmsView, static e => e.Mm);

    // The checker reads these after every op: one reused list per column, made at the first read (a stored copy of a
    // batch is never read, so it carries none), instead of an iterator per read. Valid until the next read.
    private List<int>? tasksView;
    private List<int>? mmsView;

    private List<int> Column(ref List<int>? view, Func<(long Id, int Task, int Mm), int> field)
    {
        view ??= [];
        view.Clear();
        for (var i = 0; i < Count; i++) view.Add(field(entries[i]));
        return view;
    }

    /// <summary>True when appending <paramref name="write"/> needs a flush first (a flush key changed).</summary>
    /// <param name="write">The update about to be appended.</param>
    public bool Differs(in PteWrite write) =>
        Count > 0 && ((KeyedByMm && write.Mm != entries[0].Mm)
                      || ((keys & (TlbFlushKeys.PageSize | TlbFlushKeys.HugePageShift)) != 0 && write.PageShift != pageShift)
                      || ((keys & TlbFlushKeys.SegmentSize) != 0 && write.SegmentShift != segmentShift));

    /// <summary>
    /// True when the batch holds another mm's entries: sparc64 tlb_batch_add_one() (arch/sparc/mm/tlb.c)
    /// flushes on `nr != 0 &amp;&amp; mm != tb->mm` before it checks whether the mode is active.
    /// </summary>
    /// <param name="mm">The mm about to be written.</param>
    public bool HoldsOtherMm(int mm) => Count > 0 && entries[0].Mm != mm;

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
        if (Count == entries.Length) Array.Resize(ref entries, Math.Min(capacity, Math.Max(4, Count * 2)));
        entries[Count] = (id, task, write.Mm);
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
        for (var i = 0; i < Count; i++) machine.Pending.Complete(entries[i].Id);
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
        copy.entries = entries[..Count];
        return copy;
    }

    /// <inheritdoc/>
    public bool TryCopyFrom(IMechanismState source)
    {
        if (source is not TlbBatch other || other.Capacity != capacity || other.KeysParameter != keys) return false;
        Count = other.Count;
        pageShift = other.pageShift;
        segmentShift = other.segmentShift;
        if (entries.Length < Count) entries = new (long, int, int)[Math.Max(Count, Math.Min(capacity, entries.Length * 2))];
        Array.Copy(other.entries, entries, Count);
        return true;
    }

    /// <inheritdoc/>
    public void WriteState(StateWriter writer)
    {
        // The sizes decide only whether the next write flushes first (Differs), and only while the batch holds
        // entries and only those that are flush keys: an emptied batch and a never-used one are the same state.
        writer.Label("tlb[").Count(Count);
        if (Count > 0 && (keys & (TlbFlushKeys.PageSize | TlbFlushKeys.HugePageShift)) != 0) writer.Int(pageShift);
        if (Count > 0 && (keys & TlbFlushKeys.SegmentSize) != 0) writer.Int(segmentShift);
        for (var i = 0; i < Count; i++) writer.Int(entries[i].Task).Int(entries[i].Mm);
        writer.Label("]");
    }
}
