using LazyMmuGen.Runtime;

namespace LazyMmuGen.Simulator.Workloads;

/// <summary>
/// Addresses, page tables and pte values shared by the workloads. Kernel callers (zap_pte_range,
/// change_pte_range, copy_pte_range, move_ptes, vmap_pte_range, apply_to_pte_range) open one lazy
/// section per page table they walk; the walk here does the same with tables of
/// <see cref="TablePtes"/> entries.
/// </summary>
public static class PageWalk
{
    /// <summary>
    /// 256 ptes: s390's PTRS_PER_PTE and half of x86-64's or arm64's 512, so a section never spans more
    /// than one page table on any modelled arch. A generic constant: the walk does not ask the arch.
    /// </summary>
    public const int TablePtes = 256;

    public const ulong PageSize = 0x1000;

    /// <summary>init_mm: kernel mappings (vmalloc, linear map, KASAN shadow).</summary>
    public const int InitMm = 0;

    public const int ParentMm = 1;
    public const int ChildMm = 2;

    // Table-aligned bases of the regions the workloads touch (1 MiB = one table of 256 ptes).
    public const ulong UserBase = 0x0000_0040_0000_0000;
    public const ulong RemapBase = 0x0000_0080_0000_0000;
    public const ulong VmallocBase = 0xffff_8000_0000_0000;
    public const ulong LinearMapBase = 0xffff_0000_0000_0000;
    public const ulong ShadowBase = 0xffff_a000_0000_0000;
    public const ulong IrqBase = 0xffff_c000_0000_0000;

    /// <summary>The page tables covering <paramref name="size"/> ptes: (first pte index, pte count) each.</summary>
    public static IEnumerable<(int Table, int First, int Count)> Tables(int size)
    {
        for (var first = 0; first < size; first += TablePtes) yield return (first / TablePtes, first, Math.Min(TablePtes, size - first));
    }

    public static int TableCount(int size) => (size + TablePtes - 1) / TablePtes;

    public static ulong Addr(ulong region, int index) => region + (ulong)index * PageSize;

    /// <summary>The range hint for the ptes [first, first + count) of a region.</summary>
    public static PteRange Range(int mm, ulong region, int first, int count) => new(mm, Addr(region, first), Addr(region, first + count));

    // A write that installs or changes a mapping is valid; a write that clears one (zap, the old half of a
    // move) is invalid. The model charges arm64's barriers for the NEW pte (a valid kernel pte) and s390's
    // IPTE for the OLD one (a valid pte replaced or cleared), so the ptes a caller changes or clears are
    // mapped before it runs (WorkloadContext.Populate) and the ptes it installs are not.
    public static PteWrite Kernel(ulong addr, ulong value) => new(InitMm, addr, PteKind.Kernel, true, value);

    public static PteWrite User(int mm, ulong addr, ulong value) => new(mm, addr, PteKind.User, true, value);

    /// <summary>pte_clear()/ptep_get_and_clear() of a kernel pte: the new entry is invalid.</summary>
    public static PteWrite KernelClear(ulong addr) => new(InitMm, addr, PteKind.Kernel, false, 0);

    /// <summary>pte_clear()/ptep_get_and_clear() of a user pte: the new entry is invalid.</summary>
    public static PteWrite UserClear(int mm, ulong addr) => new(mm, addr, PteKind.User, false, 0);
}
