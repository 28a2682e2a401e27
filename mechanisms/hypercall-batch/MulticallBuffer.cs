namespace LazyMmuGen.Runtime;

/// <summary>
/// Xen's per-CPU multicall buffer (arch/x86/xen/multicalls.c): bounded entries and argument bytes;
/// an mmu_update request extends the last entry's argument array when that entry is an mmu_update.
/// </summary>
/// <param name="maxEntries">MC_BATCH: multicall entries per buffer (32 in Linux).</param>
/// <param name="argBytes">MC_ARGS: argument bytes per buffer (512 in Linux); a request must leave at least one byte free.</param>
/// <param name="updateBytes">Bytes per mmu_update request (16: two uint64_t).</param>
/// <param name="merge">True when consecutive mmu_updates extend the last entry (xen_mc_extend_args()) instead of taking a new one.</param>
public sealed class MulticallBuffer(int maxEntries, int argBytes, int updateBytes, bool merge) : IMechanismState
{
    // Declared in this folder's mechanism.yaml (the generator emits the declaration into each arch that uses it).
    private static readonly EffectKind HypercallEffect = EffectKind.Named("hypercall");
    private static readonly EffectKind MulticallEffect = EffectKind.Named("multicall");
    private static readonly EffectKind MulticallEntriesEffect = EffectKind.Named("multicall_entries");
    private static readonly EffectKind MmuUpdateEffect = EffectKind.Named("mmu_update");

    // Grown on demand: a model checker holds hundreds of thousands of copies, mostly near-empty.
    private readonly List<long> ids = [];
    private readonly List<int> tasks = [];
    private readonly List<int> mms = [];
    private int usedBytes;

    // The constructor's parameters, readable on another instance (TryCopyFrom compares them).
    private int MaxEntriesParameter => maxEntries;
    private int ArgBytesParameter => argBytes;
    private int UpdateBytesParameter => updateBytes;
    private bool MergeParameter => merge;

    /// <inheritdoc/>
    public string Kind => "hypercall-batch";

    /// <summary>Multicall entries in use (mcidx); merged mmu_updates share one.</summary>
    public int Entries { get; private set; }

    /// <summary>mmu_update requests queued, across all entries.</summary>
    public int Updates => ids.Count;

    /// <summary>False: a multicall may legitimately carry two mms' updates (e.g. fork).</summary>
    public bool KeyedByMm => false;

    /// <inheritdoc/>
    public IEnumerable<int> EntryTasks => tasks;

    /// <inheritdoc/>
    public IEnumerable<int> EntryMms => mms;

    /// <summary>Adds one mmu_update; false when it does not fit and the caller must issue the buffer first.</summary>
    /// <param name="id">The pending write it completes when issued.</param>
    /// <param name="task">The writing task.</param>
    /// <param name="mm">The mm written.</param>
    public bool TryAppend(long id, int task, int mm)
    {
        // xen_mc_extend_args() and __xen_mc_entry() (arch/x86/xen/multicalls.c) refuse when
        // (argidx + size) >= MC_ARGS: the argument space runs out one request early, so with
        // MC_ARGS = 512 and a 16-byte mmu_update one buffer carries at most 31 updates.
        if (usedBytes + updateBytes >= argBytes) return false;
        var extend = merge && Entries > 0;
        if (!extend && Entries >= maxEntries) return false;
        if (!extend) Entries++;
        usedBytes += updateBytes;
        ids.Add(id);
        tasks.Add(task);
        mms.Add(mm);
        return true;
    }

    /// <summary>
    /// xen_mc_flush() (arch/x86/xen/multicalls.c): two or more entries go out as one multicall; a single
    /// entry bypasses HYPERVISOR_multicall ("Singleton multicall - bypass multicall machinery") and is
    /// made directly by xen_single_call(), so a merged run of mmu_updates is one direct hypercall.
    /// </summary>
    /// <param name="machine">The machine whose effects are counted and whose pending writes complete.</param>
    public void Issue(MachineCore machine)
    {
        if (Entries == 0) return;
        if (Entries == 1)
        {
            machine.Effects.Add(HypercallEffect);
        }
        else
        {
            machine.Effects.Add(MulticallEffect);
            machine.Effects.Add(MulticallEntriesEffect, Entries);
        }
        machine.Effects.Add(MmuUpdateEffect, ids.Count);
        foreach (var id in ids) machine.Pending.Complete(id);
        ids.Clear();
        tasks.Clear();
        mms.Clear();
        Entries = 0;
        usedBytes = 0;
    }

    /// <inheritdoc/>
    public IMechanismState Clone()
    {
        var copy = new MulticallBuffer(maxEntries, argBytes, updateBytes, merge) { Entries = Entries, usedBytes = usedBytes };
        copy.ids.AddRange(ids);
        copy.tasks.AddRange(tasks);
        copy.mms.AddRange(mms);
        return copy;
    }

    /// <inheritdoc/>
    public bool TryCopyFrom(IMechanismState source)
    {
        if (source is not MulticallBuffer other || other.MaxEntriesParameter != maxEntries || other.ArgBytesParameter != argBytes
            || other.UpdateBytesParameter != updateBytes || other.MergeParameter != merge) return false;
        Entries = other.Entries;
        usedBytes = other.usedBytes;
        ids.Clear();
        ids.AddRange(other.ids);
        tasks.Clear();
        tasks.AddRange(other.tasks);
        mms.Clear();
        mms.AddRange(other.mms);
        return true;
    }

    /// <inheritdoc/>
    public void WriteState(StateWriter writer)
    {
        writer.Label("mc[").Int(Entries).Count(ids.Count);
        for (var i = 0; i < ids.Count; i++) writer.Int(tasks[i]).Int(mms[i]);
        writer.Label("]");
    }
}
