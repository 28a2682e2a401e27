using static LazyMmuGen.Simulator.Workloads.PageWalk;

namespace LazyMmuGen.Simulator.Workloads;

/// <summary>
/// Changing the permissions of N mapped kernel ptes (set_memory_ro()/set_memory_x() →
/// __change_memory_common() → apply_to_page_range(), which runs each page table in a lazy section: the
/// caller arm64 batched its barriers for). Every write is a valid kernel pte. In the middle of the middle
/// table a DEBUG_PAGEALLOC page allocation maps a linear-map page back in a nested section of its own.
/// This is the workload where the legacy arm64 tolerance hurts: its inner leave ends the outer section's
/// batching, so every later write pays its own dsb+isb.
/// </summary>
public sealed class SetMemoryWorkload : IWorkload
{
    public string Name => "setmem";

    public string Description => "change permissions of N mapped kernel ptes; DEBUG_PAGEALLOC maps one linear-map pte in a nested section mid-way";

    public void Run(WorkloadContext context, int size)
    {
        for (var i = 0; i < size; i++) context.Populate(Kernel(Addr(VmallocBase, i), (ulong)i));
        var middle = TableCount(size) / 2;
        foreach (var (table, first, count) in Tables(size))
        {
            context.EnableSection(Range(InitMm, VmallocBase, first, count));
            for (var j = 0; j < count; j++)
            {
                if (table == middle && j == count / 2) MapLinearPage(context, first + j);
                context.Write(Kernel(Addr(VmallocBase, first + j), (uint)(first + j) | ReadOnlyBit));
            }
            context.Disable();
        }
    }

    /// <summary>A pte value bit standing for the new permission (the model only compares values).</summary>
    private const ulong ReadOnlyBit = 1UL << 40;

    /// <summary>set_memory_valid(addr, 1, 1): a valid kernel pte, written in a section of its own.</summary>
    private static void MapLinearPage(WorkloadContext context, int page)
    {
        context.EnableNested();
        context.Write(Kernel(Addr(LinearMapBase, page), (ulong)page));
        context.Disable();
    }
}
