namespace LazyMmuGen.Simulator.Workloads;

/// <summary>A kernel caller of the lazy MMU mode, sized by a number of ptes.</summary>
public interface IWorkload
{
    string Name { get; }

    /// <summary>The kernel caller it is modelled on, in one line.</summary>
    string Description { get; }

    /// <summary>
    /// Whether the workload models the whole operation: it declares its base work (<see cref="WorkloadContext.Work"/>)
    /// and its lazy sections are counted (<see cref="Costs.BaseWork.LazySection"/>), so its cycles are the operation's
    /// time and "vs eager" the change a user would measure. False (the default): cycles price only the modelled side
    /// effects, and a run reports no base work.
    /// </summary>
    bool ModelsBaseWork => false;

    void Run(WorkloadContext context, int size);
}
