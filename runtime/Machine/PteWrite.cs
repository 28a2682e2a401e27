namespace LazyMmuGen.Runtime;

/// <summary>
/// One page-table update: write <see cref="Entry"/> at <see cref="Addr"/> in address space <see cref="Mm"/>, as
/// set_pte() does. <see cref="PageShift"/> and <see cref="SegmentShift"/> exist because TLB batches
/// (powerpc page/segment size, sparc64 huge-page shift) must flush when they change.
/// </summary>
/// <example>
/// Named arguments read best:
/// <code>
/// machine.SetPte(new PteWrite(Mm: 1, Addr: 0x1000, Kind: PteKind.Kernel, Valid: true, Value: 1));
/// machine.SetPte(new PteWrite(Mm: 2, Addr: 0x20_0000, Kind: PteKind.User, Valid: true, Value: 7, PageShift: 21));
/// </code>
/// </example>
/// <param name="Mm">
/// The address space (the kernel's <c>struct mm_struct</c>), as a small number; trace scripts default to 1. A TLB
/// batch keyed by mm flushes before taking another mm's entry.
/// </param>
/// <param name="Addr">The virtual address of the page, in bytes (trace scripts use page multiples of 0x1000).</param>
/// <param name="Kind">Kernel or user mapping: arm64 defers barriers only for valid kernel ptes; sparc64 batches only user ptes.</param>
/// <param name="Valid">The new pte's present/valid bit; false clears the mapping (an invalidation is owed if the old pte was valid).</param>
/// <param name="Value">
/// The new pte's payload, opaque to the model (think of it as the pfn): it is stored and read back by
/// <see cref="MachineCore.GetPte"/>, so a test can tell which write a read sees, but no mechanism looks at it.
/// </param>
/// <param name="PageShift">
/// log2 of the page size (12 = 4 KiB, 21 = 2 MiB): powerpc's psize and sparc64's hugepage_shift, whose change
/// flushes a non-empty batch keyed by page size.
/// </param>
/// <param name="SegmentShift">log2 of the segment size (28 = 256 MiB, 40 = 1 TiB): powerpc hash's ssize, a batch key there.</param>
public readonly record struct PteWrite(
    int Mm,
    ulong Addr,
    PteKind Kind,
    bool Valid,
    ulong Value,
    byte PageShift = 12,
    byte SegmentShift = 28)
{
    /// <summary>The pte this write stores: <see cref="Value"/>, <see cref="Kind"/> and <see cref="Valid"/>.</summary>
    public Pte Entry => new(Value, Kind, Valid);

    /// <summary>True for a valid kernel pte: the writes arm64's <c>__set_pte_complete()</c> queues barriers for.</summary>
    public bool IsValidKernel => Valid && Kind == PteKind.Kernel;
}
