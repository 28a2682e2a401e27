using static LazyMmuGen.Simulator.Workloads.PageWalk;

namespace LazyMmuGen.Simulator.Workloads;

/// <summary>mprotect(): change_pte_range() rewrites N user ptes with the new protection, one section per table.</summary>
public sealed class MprotectWorkload : IWorkload
{
    private const ulong ReadOnly = 1UL << 63;

    public string Name => "mprotect";

    public string Description => "change the protection of N user ptes (change_pte_range)";

    public void Run(WorkloadContext context, int size)
    {
        for (var i = 0; i < size; i++) context.Populate(User(ParentMm, Addr(UserBase, i), (uint)i));
        foreach (var (_, first, count) in Tables(size))
        {
            context.EnableSection(Range(ParentMm, UserBase, first, count));
            for (var i = first; i < first + count; i++)
            {
                var addr = Addr(UserBase, i);
                context.Read(ParentMm, addr);
                context.Write(User(ParentMm, addr, (uint)i | ReadOnly));
            }
            context.Disable();
        }
    }
}
