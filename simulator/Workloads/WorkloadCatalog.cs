namespace LazyMmuGen.Simulator.Workloads;

/// <summary>Every workload, in the order output lists them.</summary>
public static class WorkloadCatalog
{
    /// <summary>One page table's worth on s390 (see <see cref="PageWalk.TablePtes"/>).</summary>
    public const int DefaultSize = PageWalk.TablePtes;

    public static IReadOnlyList<IWorkload> All { get; } =
    [
        new UnmapWorkload(),
        new SetMemoryWorkload(),
        new MprotectWorkload(),
        new ForkWorkload(),
        new MremapWorkload(),
        new VmallocWorkload(),
        new MixedWorkload(),
        new TestVmallocFixSizeWorkload(),
    ];

    public static IWorkload? Find(string name) => All.FirstOrDefault(w => w.Name == name);
}
