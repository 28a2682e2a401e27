using LazyMmuGen.Runtime;
using LazyMmuGen.Simulator.Costs;

namespace LazyMmuGen.Simulator.Workloads;

/// <summary>
/// What a workload may do: the generic lazy MMU API, pte reads and writes, interrupts and scheduling on
/// a <see cref="MachineCore"/>. Nothing here knows an arch. In eager mode the lazy MMU calls are skipped.
/// </summary>
public sealed class WorkloadContext(MachineCore machine, bool lazy, bool rangedEnable)
{
    private readonly Queue<Action> deferred = new();
    private readonly Dictionary<BaseWork, long> work = [];
    private bool scheduling;

    public MachineCore Machine { get; } = machine;

    /// <summary>Whether lazy MMU calls reach the machine (false in eager mode).</summary>
    public bool Lazy { get; } = lazy;

    /// <summary>
    /// Whether the outermost enable of a section passes its pte range (enable_with_ptes()). The runner sets
    /// it from the arch's mechanism list: only a mechanism that caches the range can use the hint.
    /// </summary>
    public bool RangedEnable { get; } = rangedEnable;

    /// <summary>The outer section of a kernel caller, over the ptes of one page table.</summary>
    public void EnableSection(in PteRange range)
    {
        if (!Lazy) return;
        // The generic layer's enable/disable and the arch's enter/leave, priced as base work (BaseWork.LazySection)
        // for a workload that models base work. The kernel's empty stubs (an arch that does not opt in) cost nothing.
        if (Machine.HasLazyMmuMode) Work(BaseWork.LazySection, 1);
        if (RangedEnable) Machine.EnableWithRange(in range);
        else Machine.Enable();
    }

    /// <summary>A section opened by code the outer caller calls into (it knows no range).</summary>
    public void EnableNested()
    {
        if (Lazy) Machine.Enable();
    }

    /// <summary>Ends a section; a context switch that waited for preemption to come back runs here.</summary>
    public void Disable()
    {
        if (Lazy) Machine.Disable();
        RunDeferred();
    }

    public void Pause()
    {
        if (Lazy) Machine.Pause();
    }

    public void Resume()
    {
        if (Lazy) Machine.Resume();
    }

    public void Write(in PteWrite write) => Machine.SetPte(in write);

    /// <summary>
    /// Work the caller does besides page-table side effects (<see cref="BaseWork"/>), priced by the cost profile. The
    /// runner reports it only for a workload that models base work (<see cref="IWorkload.ModelsBaseWork"/>).
    /// </summary>
    public void Work(BaseWork item, long count) => work[item] = work.GetValueOrDefault(item) + count;

    /// <summary>The base work declared so far, and the lazy sections entered.</summary>
    public WorkCounts WorkDone => new(work);

    /// <summary>
    /// A mapping that exists before the caller runs (the ptes a zap or an mprotect finds): stored straight
    /// into the page table, in every mode, with no effect counted.
    /// </summary>
    public void Populate(in PteWrite write) => Machine.PageTable.Preload(write.Mm, write.Addr, write.Entry);

    public Pte Read(int mm, ulong addr) => Machine.GetPte(mm, addr);

    /// <summary>An interrupt on the current CPU whose handler runs <paramref name="handler"/>.</summary>
    public void Interrupt(Action handler)
    {
        Machine.IrqEnter();
        handler();
        Machine.IrqExit();
    }

    /// <summary>
    /// A context switch or migration the scheduler wants now. If the section disabled preemption, it
    /// happens when preemption comes back, at the end of the section, as with the kernel's preempt_enable().
    /// </summary>
    public void Preempt(Action schedule)
    {
        deferred.Enqueue(schedule);
        RunDeferred();
    }

    private void RunDeferred()
    {
        // Sections that a switched-in task runs end inside a switch; they must not start the next one.
        if (scheduling) return;
        scheduling = true;
        try
        {
            while (deferred.Count > 0 && Machine.CurrentCpu.CanSchedule) deferred.Dequeue()();
        }
        finally
        {
            scheduling = false;
        }
    }

    /// <summary>Runs what is still waiting once the workload is done (every section has ended).</summary>
    public void Finish() => RunDeferred();
}
