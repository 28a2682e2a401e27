namespace LazyMmuGen.Runtime;

/// <summary>
/// Called at each generic-layer preemption point while preemption is possible. An implementation may
/// context-switch or migrate, but must leave the preempted task running (on any CPU) when it returns.
/// Install one with <see cref="MachineCore.Scheduler"/>; <see cref="Scripting.PreemptOnce"/> is the one the trace runner uses.
/// </summary>
public interface IPreemptionScheduler
{
    /// <summary>
    /// The current task reached <paramref name="site"/>: a counter was updated but the arch callback it triggers
    /// has not run yet (the window of the x86-xen-strict-enter race, docs/contract.md §6). Called only when the
    /// current CPU can schedule (<see cref="Cpu.CanSchedule"/>).
    /// </summary>
    /// <param name="machine">The machine; use <see cref="MachineCore.Switch"/> and <see cref="MachineCore.Migrate"/>.</param>
    /// <param name="site">Which helper and which callback the task is between.</param>
    /// <exception cref="MachineRuleException">Thrown by the machine afterwards if the preempted task was left off every CPU.</exception>
    void AtPreemptionPoint(MachineCore machine, PreemptSite site);
}
