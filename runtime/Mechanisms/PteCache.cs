using System.Text;

namespace LazyMmuGen.Runtime;

/// <summary>
/// s390's per-CPU cache of one page table (the ipte batching proposal): writes in the pinned range
/// land here, reads see them, and write-back issues one multi-entry IPTE per run of entries that were
/// valid when the cache was loaded. As with the kernel's ptep_flush_direct(), an IPTE is owed only when a
/// valid old pte is replaced or cleared: installing a pte where there was none needs no invalidation.
/// </summary>
public sealed class PteCache(int tableEntries, int maxIpteEntries) : IMechanismState
{
    private const ulong PageSize = 0x1000;
    private readonly Pte[] entries = new Pte[tableEntries];
    private readonly long[] ids = new long[tableEntries];
    private readonly bool[] dirty = new bool[tableEntries];
    // Whether the entry loaded at Pin (the page table's value, i.e. the old pte) was valid.
    private readonly bool[] originalValid = new bool[tableEntries];
    private readonly List<long> superseded = new();
    private PteRange range;

    public bool Pinned { get; private set; }
    public int Task { get; private set; }
    public PteRange Range => range;
    public int Dirty => dirty.Count(d => d);
    public string Kind => "ipte-cache";
    public int Entries => Pinned ? Dirty : 0;
    public bool KeyedByMm => true;
    public IEnumerable<int> EntryTasks => Entries > 0 ? [Task] : [];
    public IEnumerable<int> EntryMms => Entries > 0 ? [range.Mm] : [];

    public IMechanismState Clone()
    {
        var copy = new PteCache(tableEntries, maxIpteEntries) { Pinned = Pinned, Task = Task, range = range };
        Array.Copy(entries, copy.entries, tableEntries);
        Array.Copy(ids, copy.ids, tableEntries);
        Array.Copy(dirty, copy.dirty, tableEntries);
        Array.Copy(originalValid, copy.originalValid, tableEntries);
        copy.superseded.AddRange(superseded);
        return copy;
    }

    public void AppendFingerprint(StringBuilder builder)
    {
        builder.Append("cache[").Append(Pinned ? $"{Task}:{range}" : "-");
        for (var i = 0; i < tableEntries; i++)
        {
            if (dirty[i]) builder.Append(';').Append(i).Append('=').Append(entries[i]);
        }
        // Which old ptes were valid decides the IPTEs at write-back; the page table may have changed since Pin.
        if (Pinned)
        {
            builder.Append(";v");
            for (var i = 0; i < tableEntries; i++)
            {
                if (originalValid[i]) builder.Append(',').Append(i);
            }
        }
        builder.Append(']');
    }

    public bool Covers(int mm, ulong addr) =>
        Pinned && range.Contains(mm, addr) && addr % PageSize == 0 && (addr - range.Start) / PageSize < (ulong)tableEntries;

    /// <summary>Loads the range's ptes from the page table and pins the cache to a task.</summary>
    public void Pin(int task, in PteRange pinned, PageTable table)
    {
        range = pinned;
        Task = task;
        Pinned = true;
        for (var i = 0; i < tableEntries; i++)
        {
            dirty[i] = false;
            entries[i] = Covers(range.Mm, range.Start + (ulong)i * PageSize) ? table.Read(range.Mm, range.Start + (ulong)i * PageSize) : Pte.None;
            originalValid[i] = entries[i].Valid;
        }
    }

    public Pte Read(ulong addr) => entries[Index(addr)];

    public void Write(in PteWrite write, long id)
    {
        var i = Index(write.Addr);
        // A rewrite of a dirty entry: the earlier write takes effect with this one, at write-back.
        if (dirty[i]) superseded.Add(ids[i]);
        entries[i] = write.Entry;
        ids[i] = id;
        dirty[i] = true;
    }

    /// <summary>
    /// Stores dirty entries. Each run of consecutive dirty entries whose old (pinned) value was valid costs one
    /// IPTE of at most the limit; a dirty entry that replaced an invalid one owes none and ends the run.
    /// </summary>
    public void WriteBack(MachineCore machine)
    {
        foreach (var id in superseded) machine.Pending.Complete(id);
        superseded.Clear();
        var run = 0;
        for (var i = 0; i <= tableEntries; i++)
        {
            var inRun = i < tableEntries && dirty[i] && originalValid[i];
            if (i < tableEntries && dirty[i])
            {
                machine.PageTable.Store(range.Mm, range.Start + (ulong)i * PageSize, entries[i]);
                machine.Pending.Complete(ids[i]);
                dirty[i] = false;
            }
            if (inRun && run < maxIpteEntries)
            {
                run++;
                continue;
            }
            Ipte(machine, run);
            run = inRun ? 1 : 0;
        }
        Pinned = false;
    }

    public static void Ipte(MachineCore machine, int count)
    {
        if (count == 0) return;
        machine.Effects.Add(Effect.Ipte);
        machine.Effects.Add(Effect.IpteEntries, count);
    }

    private int Index(ulong addr) => (int)((addr - range.Start) / PageSize);
}
