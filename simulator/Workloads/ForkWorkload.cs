using static LazyMmuGen.Simulator.Workloads.PageWalk;

namespace LazyMmuGen.Simulator.Workloads;

/// <summary>
/// fork(): copy_pte_range() write-protects each of N parent ptes for copy-on-write and installs the copy
/// in the child, so writes alternate between two mms. The range hint is the parent's table. The parent's
/// ptes are mapped before the fork; the child's are empty.
/// </summary>
public sealed class ForkWorkload : IWorkload
{
    private const ulong ReadOnly = 1UL << 63;

    public string Name => "fork";

    public string Description => "copy N user ptes from parent to child mm, write-protecting the parent's (copy_pte_range)";

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
                context.Write(User(ChildMm, addr, (uint)i | ReadOnly));
            }
            context.Disable();
        }
    }
}
