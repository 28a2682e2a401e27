using static LazyMmuGen.Simulator.Workloads.PageWalk;

namespace LazyMmuGen.Simulator.Workloads;

/// <summary>
/// Unmapping N ptes of a kernel range, one section per page table. In the middle of the middle table a
/// freed page changes permission in the linear map (DEBUG_PAGEALLOC: __kernel_map_pages() →
/// apply_to_page_range()), which opens a section of its own inside the outer one.
/// </summary>
public sealed class UnmapWorkload : IWorkload
{
    public string Name => "unmap";

    public string Description => "zap N kernel ptes; DEBUG_PAGEALLOC changes one linear-map pte in a nested section mid-way";

    public void Run(WorkloadContext context, int size)
    {
        var middle = TableCount(size) / 2;
        foreach (var (table, first, count) in Tables(size))
        {
            context.EnableSection(Range(InitMm, VmallocBase, first, count));
            for (var j = 0; j < count; j++)
            {
                if (table == middle && j == count / 2) ChangePagePermission(context, first + j);
                var addr = Addr(VmallocBase, first + j);
                context.Read(InitMm, addr);
                context.Write(Kernel(addr, 0));
            }
            context.Disable();
        }
    }

    private static void ChangePagePermission(WorkloadContext context, int page)
    {
        context.EnableNested();
        context.Write(Kernel(Addr(LinearMapBase, page), (ulong)page));
        context.Disable();
    }
}
