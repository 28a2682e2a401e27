namespace LazyMmuGen.Runtime.Scripting;

/// <summary>
/// For ops written with preempt=N: at the op's first generic-layer preemption point, switch to task N
/// and straight back, as if the task was preempted between its counter update and the arch callback.
/// </summary>
/// <param name="other">The task to switch to; nothing happens if it is the current task, does not exist or is running elsewhere.</param>
public sealed class PreemptOnce(int other) : IPreemptionScheduler
{
    private int other = other;

    /// <summary>True once the switch has happened; later preemption points do nothing.</summary>
    public bool Fired { get; private set; }

    /// <summary>Arms this scheduler again for another op (a runner keeps one instead of allocating one per op).</summary>
    /// <param name="task">The task to switch to.</param>
    internal void Rearm(int task)
    {
        other = task;
        Fired = false;
    }

    /// <inheritdoc/>
    public void AtPreemptionPoint(MachineCore machine, PreemptSite site)
    {
        var self = machine.CurrentTaskId;
        if (Fired || other == self || other < 1 || other >= machine.MaxTasks || machine.CpuOf(other) >= 0) return;
        Fired = true;
        machine.Switch(other);
        machine.Switch(self);
    }
}
