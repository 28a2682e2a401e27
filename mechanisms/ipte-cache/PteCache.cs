namespace LazyMmuGen.Runtime;

/// <summary>
/// s390's per-CPU cache of one page table (the ipte batching proposal): writes in the pinned range
/// land here, reads see them, and write-back issues one multi-entry IPTE per run of entries that were
/// valid when the cache was loaded. As with the kernel's ptep_flush_direct(), an IPTE is owed only when a
/// valid old pte is replaced or cleared: installing a pte where there was none needs no invalidation.
/// </summary>
/// <param name="tableEntries">Entries of the cached page table (PTRS_PER_PTE: 256 on s390); pages are 0x1000 bytes.</param>
/// <param name="maxIpteEntries">Most entries one IPTE may cover ("up to 256 entries" in the series' cover letter).</param>
public sealed class PteCache(int tableEntries, int maxIpteEntries) : IMechanismState
{
    // Declared in this folder's mechanism.yaml (the generator emits the declaration into each arch that uses it).
    private static readonly EffectKind IpteEffect = EffectKind.Named("ipte");
    private static readonly EffectKind IpteEntriesEffect = EffectKind.Named("ipte_entries");

    private const ulong PageSize = 0x1000;
    // The table, copied on write: a new cache, a clone or a copy shares the four arrays (a blank table per size, or its
    // source's) until either side changes them (Own), so a model checker's copies of a 256-entry cache cost nothing
    // until a step writes to one.
    private Pte[] entries = Blank(tableEntries).Entries;
    private long[] ids = Blank(tableEntries).Ids;
    private bool[] dirty = Blank(tableEntries).Dirty;
    // Whether the entry loaded at Pin (the page table's value, i.e. the old pte) was valid.
    private bool[] originalValid = Blank(tableEntries).OriginalValid;
    private bool owned;
    // The arrays this cache owned before it last shared another's table (ShareTableOf): Own copies into them instead of
    // allocating, so a checker's scratch cache, copied into and written on every transition, allocates nothing. Only a
    // cache that owned its table has spares: a stored copy never writes, so it carries none.
    private (Pte[] Entries, long[] Ids, bool[] Dirty, bool[] OriginalValid)? spare;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, (Pte[] Entries, long[] Ids, bool[] Dirty, bool[] OriginalValid)> Blanks = new();
    private readonly List<long> superseded = new();
    private PteRange range;

    // The constructor's parameters, readable on another instance (TryCopyFrom compares them).
    private int TableEntriesParameter => tableEntries;
    private int MaxIpteEntriesParameter => maxIpteEntries;

    /// <summary>True between <see cref="Pin"/> and <see cref="WriteBack"/>: a range is registered (enter_ipte_range() pinned the CPU).</summary>
    public bool Pinned { get; private set; }

    /// <summary>The task the cache was pinned for.</summary>
    public int Task { get; private set; }

    /// <summary>The registered range (mm, start, end) while pinned.</summary>
    public PteRange Range => range;

    /// <summary>Cached entries written since the pin and not yet written back.</summary>
    public int Dirty => dirty.AsSpan().Count(true);

    /// <inheritdoc/>
    public string Kind => "ipte-cache";

    /// <summary>Dirty entries while pinned, else 0.</summary>
    public int Entries => Pinned ? Dirty : 0;

    /// <summary>True: the cache holds one mm's page table.</summary>
    public bool KeyedByMm => true;

    /// <inheritdoc/>
    public IEnumerable<int> EntryTasks => View(ref taskView, Task);

    /// <inheritdoc/>
    public IEnumerable<int> EntryMms => View(ref mmView, range.Mm);

    // The checker reads these after every op: a reused list each, made at the first read (a stored copy of a cache is
    // never read, so it carries none), instead of a new collection per read. Valid until the next read.
    private List<int>? taskView;
    private List<int>? mmView;

    private List<int> View(ref List<int>? view, int value)
    {
        view ??= [];
        view.Clear();
        if (Entries > 0) view.Add(value);
        return view;
    }

    /// <inheritdoc/>
    public IMechanismState Clone()
    {
        var copy = new PteCache(tableEntries, maxIpteEntries) { Pinned = Pinned, Task = Task, range = range };
        copy.ShareTableOf(this);
        copy.superseded.AddRange(superseded);
        return copy;
    }

    /// <inheritdoc/>
    public bool TryCopyFrom(IMechanismState source)
    {
        if (source is not PteCache other || other.TableEntriesParameter != tableEntries || other.MaxIpteEntriesParameter != maxIpteEntries) return false;
        Pinned = other.Pinned;
        Task = other.Task;
        range = other.range;
        ShareTableOf(other);
        superseded.Clear();
        superseded.AddRange(other.superseded);
        return true;
    }

    // Marks the source shared too (it must copy before its next write). The checker copies one stored run into
    // several workers' scratch runs at once (sibling states share their anchor), so the source is written only when
    // it owned its table: a stored run never writes, never owns, and is only read.
    private void ShareTableOf(PteCache source)
    {
        if (owned && !ReferenceEquals(entries, source.entries)) spare = (entries, ids, dirty, originalValid);
        entries = source.entries;
        ids = source.ids;
        dirty = source.dirty;
        originalValid = source.originalValid;
        owned = false;
        if (source.owned) source.owned = false;
    }

    /// <summary>The all-empty table of a size, shared by every new cache of that size (never written: Own copies it first).</summary>
    private static (Pte[] Entries, long[] Ids, bool[] Dirty, bool[] OriginalValid) Blank(int size) =>
        Blanks.GetOrAdd(size, n => (new Pte[n], new long[n], new bool[n], new bool[n]));

    /// <summary>Takes a private copy of the table before a change, when it is shared.</summary>
    private void Own()
    {
        if (owned) return;
        if (spare is { } kept)
        {
            var (e, i, d, v) = kept;
            spare = null;
            Array.Copy(entries, e, e.Length);
            Array.Copy(ids, i, i.Length);
            Array.Copy(dirty, d, d.Length);
            Array.Copy(originalValid, v, v.Length);
            (entries, ids, dirty, originalValid) = (e, i, d, v);
        }
        else
        {
            entries = (Pte[])entries.Clone();
            ids = (long[])ids.Clone();
            dirty = (bool[])dirty.Clone();
            originalValid = (bool[])originalValid.Clone();
        }
        owned = true;
    }

    /// <inheritdoc/>
    public void WriteState(StateWriter writer)
    {
        writer.Label("cache[").Bool(Pinned);
        if (Pinned) writer.Int(Task).Value(range);
        writer.Count(Dirty);
        for (var i = 0; i < tableEntries; i++)
        {
            if (dirty[i]) writer.Int(i).Value(entries[i]);
        }
        // Which old ptes were valid decides the IPTEs at write-back; the page table may have changed since Pin.
        if (Pinned)
        {
            writer.Label("v").Count(originalValid.AsSpan().Count(true));
            for (var i = 0; i < tableEntries; i++)
            {
                if (originalValid[i]) writer.Int(i);
            }
        }
        writer.Label("]");
    }

    /// <summary>
    /// True when the pte at <paramref name="addr"/> in <paramref name="mm"/> goes to the cache (s390's this_ipte_range()):
    /// pinned, inside the range, page-aligned, and within the cached table.
    /// </summary>
    /// <param name="mm">The address space (mm) number.</param>
    /// <param name="addr">The virtual address, in bytes.</param>
    public bool Covers(int mm, ulong addr) =>
        Pinned && range.Contains(mm, addr) && addr % PageSize == 0 && (addr - range.Start) / PageSize < (ulong)tableEntries;

    /// <summary>Loads the range's ptes from the page table and pins the cache to a task.</summary>
    /// <param name="task">The task entering the range.</param>
    /// <param name="pinned">The range to cache; addresses from its start, one table's worth.</param>
    /// <param name="table">The page table the old values are read from.</param>
    public void Pin(int task, in PteRange pinned, PageTable table)
    {
        range = pinned;
        Task = task;
        Pinned = true;
        Own();
        for (var i = 0; i < tableEntries; i++)
        {
            dirty[i] = false;
            entries[i] = Covers(range.Mm, range.Start + (ulong)i * PageSize) ? table.Read(range.Mm, range.Start + (ulong)i * PageSize) : Pte.None;
            originalValid[i] = entries[i].Valid;
        }
    }

    /// <summary>The cached pte at <paramref name="addr"/> (call only where <see cref="Covers"/> is true).</summary>
    /// <param name="addr">The virtual address, in bytes.</param>
    public Pte Read(ulong addr) => entries[Index(addr)];

    /// <summary>Stores a pte in the cache and marks it dirty (call only where <see cref="Covers"/> is true); the page table is untouched.</summary>
    /// <param name="write">The update.</param>
    /// <param name="id">Its pending write, completed at <see cref="WriteBack"/>.</param>
    public void Write(in PteWrite write, long id)
    {
        var i = Index(write.Addr);
        Own();
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
    /// <param name="machine">The machine whose page table is written and whose effects are counted.</param>
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
                Own();
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

    /// <summary>Counts one IPTE covering <paramref name="count"/> entries (nothing for 0): also the eager path outside the mode.</summary>
    /// <param name="machine">The machine whose effects are counted.</param>
    /// <param name="count">Entries the IPTE invalidates.</param>
    public static void Ipte(MachineCore machine, int count)
    {
        if (count == 0) return;
        machine.Effects.Add(IpteEffect);
        machine.Effects.Add(IpteEntriesEffect, count);
    }

    private int Index(ulong addr) => (int)((addr - range.Start) / PageSize);
}
