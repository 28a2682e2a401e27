namespace LazyMmuGen.Simulator.Workloads;

/// <summary>A kernel caller of the lazy MMU mode, sized by a number of ptes.</summary>
public interface IWorkload
{
    string Name { get; }

    /// <summary>The kernel caller it is modelled on, in one line.</summary>
    string Description { get; }

    void Run(WorkloadContext context, int size);
}
