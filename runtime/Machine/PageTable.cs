namespace LazyMmuGen.Runtime;

/// <summary>
/// Backing store of every mm's ptes, keyed by (mm, address): what memory holds, which is what the hardware walker
/// would see. A write an arch keeps in a cache (s390's ipte-cache) is not here until written back.
/// </summary>
public sealed class PageTable
{
    // A checker's machine holds a few ptes, copied on every transition: a sorted array, written into a state unsorted-free.
    private readonly SmallMap<(int Mm, ulong Addr), Pte> entries = new();

    /// <summary>The stored pte at <paramref name="addr"/> in <paramref name="mm"/>, or <see cref="Pte.None"/> if none was ever stored.</summary>
    /// <param name="mm">The address space (mm) number.</param>
    /// <param name="addr">The virtual address, in bytes.</param>
    public Pte Read(int mm, ulong addr) => entries.TryGetValue((mm, addr), out var pte) ? pte : Pte.None;

    /// <summary>Stores a pte in memory. Arch code calls this (or <see cref="ArchContext{TTask,TCpu}.Store"/>); tracking it as pending is separate.</summary>
    /// <param name="mm">The address space (mm) number.</param>
    /// <param name="addr">The virtual address, in bytes.</param>
    /// <param name="pte">The new entry.</param>
    /// <exception cref="PteStoreFaultException">The machine's <see cref="MachineCore.StoreGuards"/> refuse the store.</exception>
    public void Store(int mm, ulong addr, Pte pte)
    {
        if (Guard?.Invoke() is { } fault) throw new PteStoreFaultException(fault);
        entries[(mm, addr)] = pte;
    }

    /// <summary>
    /// A pte that is in memory before the modelled code runs (a mapping a workload finds): stored as it is, without the
    /// store guards, since no code of the arch writes it.
    /// </summary>
    /// <param name="mm">The address space (mm) number.</param>
    /// <param name="addr">The virtual address, in bytes.</param>
    /// <param name="pte">The entry.</param>
    public void Preload(int mm, ulong addr, Pte pte) => entries[(mm, addr)] = pte;

    /// <summary>Why a store now would fault, or null: set by the machine when its arch has store guards.</summary>
    internal Func<string?>? Guard { get; set; }

    /// <summary>Number of (mm, address) slots ever stored, invalid entries included.</summary>
    public int Count => entries.Count;

    internal void CopyFrom(PageTable source)
    {
        entries.CopyFrom(source.entries);
    }

    /// <summary>Writes the (mm, address) of every valid pte, in order, into a machine's state: what arches decide from.</summary>
    /// <param name="writer">The state being written.</param>
    internal void WriteValid(StateWriter writer)
    {
        var n = 0;
        foreach (var (_, pte) in entries) n += pte.Valid ? 1 : 0;
        writer.Count(n);
        // In (mm, address) order already: the map is sorted by key.
        foreach (var ((mm, addr), pte) in entries)
        {
            if (pte.Valid) writer.Int(mm).ULong(addr);
        }
    }

    /// <summary>Every stored entry with its value, in (mm, address) order, as text (for comparing two machines' memory).</summary>
    public string Fingerprint() =>
        string.Join(";", entries.Select(e => $"{e.Key.Mm}/{e.Key.Addr}={e.Value}"));
}
