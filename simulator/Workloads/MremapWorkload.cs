using static LazyMmuGen.Simulator.Workloads.PageWalk;

namespace LazyMmuGen.Simulator.Workloads;

/// <summary>
/// mremap(): move_ptes() clears each of N old (mapped) ptes and sets it at the new (empty) address, in the
/// same mm.
/// </summary>
public sealed class MremapWorkload : IWorkload
{
    public string Name => "mremap";

    public string Description => "move N user ptes to a new address in the same mm (move_ptes)";

    public void Run(WorkloadContext context, int size)
    {
        for (var i = 0; i < size; i++) context.Populate(User(ParentMm, Addr(UserBase, i), (uint)i));
        foreach (var (_, first, count) in Tables(size))
        {
            context.EnableSection(Range(ParentMm, UserBase, first, count));
            for (var i = first; i < first + count; i++)
            {
                var from = Addr(UserBase, i);
                context.Read(ParentMm, from);
                context.Write(UserClear(ParentMm, from));
                context.Write(User(ParentMm, Addr(RemapBase, i), (ulong)i));
            }
            context.Disable();
        }
    }
}
