using System.Text;

namespace LazyMmuGen.Runtime;

/// <summary>
/// Xen's per-CPU multicall buffer (arch/x86/xen/multicalls.c): bounded entries and argument bytes;
/// an mmu_update request extends the last entry's argument array when that entry is an mmu_update.
/// </summary>
public sealed class MulticallBuffer(int maxEntries, int argBytes, int updateBytes, bool merge) : IMechanismState
{
    private readonly List<long> ids = new(argBytes / Math.Max(1, updateBytes) + 1);
    private readonly List<int> tasks = new(argBytes / Math.Max(1, updateBytes) + 1);
    private readonly List<int> mms = new(argBytes / Math.Max(1, updateBytes) + 1);
    private int usedBytes;

    public string Kind => "hypercall-batch";
    public int Entries { get; private set; }
    public int Updates => ids.Count;
    public bool KeyedByMm => false;
    public IEnumerable<int> EntryTasks => tasks;
    public IEnumerable<int> EntryMms => mms;

    /// <summary>Adds one mmu_update; false when it does not fit and the caller must issue the buffer first.</summary>
    public bool TryAppend(long id, int task, int mm)
    {
        if (usedBytes + updateBytes > argBytes) return false;
        var extend = merge && Entries > 0;
        if (!extend && Entries >= maxEntries) return false;
        if (!extend) Entries++;
        usedBytes += updateBytes;
        ids.Add(id);
        tasks.Add(task);
        mms.Add(mm);
        return true;
    }

    /// <summary>xen_mc_flush(): one multicall hypercall for everything queued.</summary>
    public void Issue(MachineCore machine)
    {
        if (Entries == 0) return;
        machine.Effects.Add(Effect.Multicall);
        machine.Effects.Add(Effect.MulticallEntries, Entries);
        machine.Effects.Add(Effect.MmuUpdate, ids.Count);
        foreach (var id in ids) machine.Pending.Complete(id);
        ids.Clear();
        tasks.Clear();
        mms.Clear();
        Entries = 0;
        usedBytes = 0;
    }

    public IMechanismState Clone()
    {
        var copy = new MulticallBuffer(maxEntries, argBytes, updateBytes, merge) { Entries = Entries, usedBytes = usedBytes };
        copy.ids.AddRange(ids);
        copy.tasks.AddRange(tasks);
        copy.mms.AddRange(mms);
        return copy;
    }

    public void AppendFingerprint(StringBuilder builder)
    {
        builder.Append("mc[").Append(Entries);
        for (var i = 0; i < ids.Count; i++) builder.Append(';').Append(tasks[i]).Append('/').Append(mms[i]);
        builder.Append(']');
    }
}
