namespace LazyMmuGen.Runtime;

/// <summary>
/// Generic per-CPU state: the preemption and interrupt counts and the running task. Arch per-CPU state (a TLB
/// batch, a multicall buffer) lives beside it in the typed machine (<see cref="Machine{TArch,TTask,TCpu}.CpuState"/>).
/// Read-only from outside: only the machine's operations change it.
/// </summary>
/// <param name="id">The CPU number, 0-based.</param>
public sealed class Cpu(int id)
{
    /// <summary>The idle task's id (task 0): what a CPU runs when no other task is on it.</summary>
    public const int Idle = 0;

    /// <summary>The CPU number, 0-based (an index into <see cref="MachineCore.Cpus"/>).</summary>
    public int Id { get; } = id;

    /// <summary>
    /// The kernel's preempt_count for this CPU, without the interrupt bits: incremented by preempt_disable()
    /// (<see cref="MachineCore.PreemptDisableOn"/>, e.g. powerpc's and sparc64's arch_enter_lazy_mmu_mode()),
    /// decremented by preempt_enable(). Greater than 0 means switch and migrate are refused.
    /// </summary>
    public int PreemptCount { get; internal set; }

    /// <summary>Nesting depth of interrupt context (irq_enter/irq_exit); greater than 0 means in_interrupt() is true.</summary>
    public int IrqDepth { get; internal set; }

    /// <summary>The id of the task running on this CPU, or <see cref="Idle"/>. Task 1 starts on CPU 0.</summary>
    public int CurrentTask { get; internal set; } = Idle;

    /// <summary>in_interrupt() on this CPU: the lazy MMU helpers return at once and the mode is never active.</summary>
    public bool InInterrupt => IrqDepth > 0;

    internal void CopyFrom(Cpu source)
    {
        PreemptCount = source.PreemptCount;
        IrqDepth = source.IrqDepth;
        CurrentTask = source.CurrentTask;
    }

    internal Cpu Clone() => new(Id) { PreemptCount = PreemptCount, IrqDepth = IrqDepth, CurrentTask = CurrentTask };

    /// <summary>True when the scheduler may switch or migrate here: preemption enabled and not in interrupt context.</summary>
    public bool CanSchedule => PreemptCount == 0 && IrqDepth == 0;
}
