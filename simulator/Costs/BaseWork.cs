namespace LazyMmuGen.Simulator.Costs;

/// <summary>
/// Work a kernel caller does besides the page-table side effects the machine counts, declared by a workload
/// that models a whole operation (<see cref="Workloads.IWorkload.ModelsBaseWork"/>) and priced by the cost
/// profile. Priced this way, a run's cycles are the whole operation and "vs eager" is the change a user would
/// measure, not the change in side effects alone.
/// </summary>
public enum BaseWork
{
    /// <summary>Once per call: for vmalloc()+vfree(), the vmap area search and insert, the vm_struct and page array, and vfree's bookkeeping.</summary>
    Call,

    /// <summary>Once per page: allocating and freeing the page and the page-table walk step that maps and unmaps it.</summary>
    Page,

    /// <summary>
    /// Once per outermost lazy MMU section entered (counted by <see cref="Workloads.WorkloadContext"/>, only in a lazy
    /// mode on an arch that opts in): the generic layer's enable/disable and the arch's enter/leave bookkeeping, e.g.
    /// arm64 setting TIF_LAZY_MMU and testing-and-clearing TIF_LAZY_MMU_PENDING. Eager and the kernel's empty stubs pay none.
    /// </summary>
    LazySection,
}

/// <summary>The one spelling of every base-work counter: in cost files, profiles, csv and json.</summary>
public static class BaseWorkNames
{
    public const int Count = (int)BaseWork.LazySection + 1;

    private static readonly string[] Names = ["base_call", "base_page", "lazy_section"];

    public static IReadOnlyList<BaseWork> All { get; } = Enumerable.Range(0, Count).Select(i => (BaseWork)i).ToArray();

    public static string Of(BaseWork work) => Names[(int)work];

    public static bool TryParse(string name, out BaseWork work)
    {
        var index = Array.IndexOf(Names, name);
        work = (BaseWork)Math.Max(index, 0);
        return index >= 0;
    }
}
