namespace LazyMmuGen.Runtime;

/// <summary>
/// Called at each generic-layer preemption point while preemption is possible. An implementation may
/// context-switch or migrate, but must leave the preempted task running (on any CPU) when it returns.
/// </summary>
public interface IPreemptionScheduler
{
    void AtPreemptionPoint(MachineCore machine, PreemptSite site);
}
