using static LazyMmuGen.Simulator.Workloads.PageWalk;

namespace LazyMmuGen.Simulator.Workloads;

/// <summary>
/// Unmapping N mapped ptes of a kernel range, one section per page table. In the middle of the middle
/// table a page allocation under DEBUG_PAGEALLOC maps the new page back into the linear map
/// (__kernel_map_pages(page, 1, 1) → set_memory_valid() → apply_to_page_range()), which opens a section of
/// its own inside the outer one.
/// </summary>
/// <remarks>
/// Modelling choice: the zap clears ptes, so its writes are invalid; the permission change makes a kernel
/// pte valid. The ptes being zapped are mapped before the walk (<see cref="WorkloadContext.Populate"/>), the
/// linear-map pte of the allocated page is not (DEBUG_PAGEALLOC unmapped it when the page was freed). So:
/// s390 owes an IPTE for every zapped pte (a valid old pte is cleared) and none for the permission change;
/// arm64 owes its dsb+isb only for the permission change (a valid kernel pte), whose barriers a lazy mode
/// defers to the inner disable. The zap costs arm64 nothing in any mode, so legacy's end of batching at the
/// inner leave costs arm64 nothing here either; arches that batch clears too (Xen, powerpc-hash, sparc64,
/// s390) pay for it.
/// </remarks>
public sealed class UnmapWorkload : IWorkload
{
    public string Name => "unmap";

    public string Description => "zap N mapped kernel ptes; DEBUG_PAGEALLOC maps one linear-map pte back in a nested section mid-way";

    public void Run(WorkloadContext context, int size)
    {
        for (var i = 0; i < size; i++) context.Populate(Kernel(Addr(VmallocBase, i), (ulong)i));
        var middle = TableCount(size) / 2;
        foreach (var (table, first, count) in Tables(size))
        {
            context.EnableSection(Range(InitMm, VmallocBase, first, count));
            for (var j = 0; j < count; j++)
            {
                if (table == middle && j == count / 2) ChangePagePermission(context, first + j);
                var addr = Addr(VmallocBase, first + j);
                context.Read(InitMm, addr);
                context.Write(KernelClear(addr));
            }
            context.Disable();
        }
    }

    /// <summary>set_memory_valid(addr, 1, 1): a valid kernel pte, written in a section of its own.</summary>
    private static void ChangePagePermission(WorkloadContext context, int page)
    {
        context.EnableNested();
        context.Write(Kernel(Addr(LinearMapBase, page), (ulong)page));
        context.Disable();
    }
}
