namespace LazyMmuGen.Runtime;

/// <summary>
/// What an arch callback sees: the machine, the CPU and task it runs for, and refs to the arch's own
/// per-task and per-CPU state. A ref struct so building one per call costs nothing on the heap.
/// </summary>
/// <typeparam name="TTask">The arch's per-task state.</typeparam>
/// <typeparam name="TCpu">The arch's per-CPU state.</typeparam>
public ref struct ArchContext<TTask, TCpu>
    where TTask : struct
    where TCpu : struct
{
    /// <summary>The machine the callback runs on.</summary>
    public readonly MachineCore Machine;

    /// <summary>The CPU the callback runs on (where the task runs now: it may have migrated at a preemption point).</summary>
    public readonly int CpuId;

    /// <summary>The task the callback runs for ("current"; for a context-switch hook, the task switched out or in).</summary>
    public readonly int TaskId;

    /// <summary>The arch's state of <see cref="TaskId"/>, by reference (e.g. arm64's TIF_LAZY_MMU_PENDING).</summary>
    public ref TTask Task;

    /// <summary>The arch's state of <see cref="CpuId"/>, by reference (e.g. its per-CPU TLB batch or multicall buffer).</summary>
    public ref TCpu Cpu;

    /// <summary>A context; <see cref="Machine{TArch,TTask,TCpu}.ContextFor"/> builds the right one.</summary>
    /// <param name="machine">The machine.</param>
    /// <param name="cpuId">The CPU the callback runs on.</param>
    /// <param name="taskId">The task it runs for.</param>
    /// <param name="task">The arch's state of that task.</param>
    /// <param name="cpu">The arch's state of that CPU.</param>
    public ArchContext(MachineCore machine, int cpuId, int taskId, ref TTask task, ref TCpu cpu)
    {
        Machine = machine;
        CpuId = cpuId;
        TaskId = taskId;
        Task = ref task;
        Cpu = ref cpu;
    }

    /// <summary>in_interrupt() on <see cref="CpuId"/>.</summary>
    public readonly bool InInterrupt => Machine.CpuAt(CpuId).IrqDepth > 0;

    /// <summary>is_lazy_mmu_mode_active(): never in interrupt context.</summary>
    public readonly bool IsActive => !InInterrupt && Machine.IsTaskActive(TaskId);

    /// <summary>Counts a side effect in <see cref="MachineCore.Effects"/> (a kind its mechanism declares, e.g. the deferred-barriers mechanism's <c>dsb</c>).</summary>
    /// <param name="effect">What happened.</param>
    /// <param name="amount">How many (e.g. entries in one flush); default 1.</param>
    public readonly void Emit(EffectKind effect, long amount = 1) => Machine.Effects.Add(effect, amount);

    /// <summary>preempt_disable() on <see cref="CpuId"/> (powerpc's and sparc64's arch_enter_lazy_mmu_mode()).</summary>
    public readonly void PreemptDisable() => Machine.PreemptDisableOn(CpuId);

    /// <summary>preempt_enable() on <see cref="CpuId"/>.</summary>
    /// <exception cref="MachineRuleException">preempt_count is already 0.</exception>
    public readonly void PreemptEnable() => Machine.PreemptEnableOn(CpuId);

    /// <summary>Writes the pte to the page table and tracks it as pending.</summary>
    /// <param name="write">The update.</param>
    /// <returns>The pending write's id, to <see cref="Complete"/> when its side effects are done.</returns>
    public readonly long Store(in PteWrite write)
    {
        Machine.PageTable.Store(write.Mm, write.Addr, write.Entry);
        return Track(in write);
    }

    /// <summary>Tracks a write as pending without touching the page table (a cache holds it).</summary>
    /// <param name="write">The update.</param>
    /// <returns>The pending write's id.</returns>
    public readonly long Track(in PteWrite write) =>
        Machine.Pending.Track(TaskId, CpuId, write.Mm, write.Addr, InInterrupt);

    /// <summary>Marks a pending write complete: its barrier, invalidation or hypercall has been issued.</summary>
    /// <param name="id">The id <see cref="Store"/> or <see cref="Track"/> returned.</param>
    public readonly void Complete(long id) => Machine.Pending.Complete(id);

    /// <summary>Completes every pending write of <see cref="TaskId"/> made outside interrupt context (arm64's emit_pte_barriers()).</summary>
    public readonly void CompleteTaskWrites() => Machine.Pending.CompleteTask(TaskId);

    /// <summary>
    /// Records a callback the arch makes itself (e.g. Xen's context-switch hook calling arch_leave_lazy_mmu_mode()),
    /// so a trace shows it while the contract check compares only the generic layer's calls.
    /// </summary>
    /// <param name="callback">The callback the arch ran.</param>
    public readonly void RecordHook(ArchCallback callback) => Machine.Callbacks.RecordHook(callback);

    /// <summary>Reads a system register of the task running on <see cref="CpuId"/>; 0 if never written.</summary>
    /// <param name="name">The register name, e.g. "POR_EL1".</param>
    public readonly ulong ReadRegister(string name) => Machine.Registers(CpuId).Read(name);

    /// <summary>Writes a system register of the task running on <see cref="CpuId"/> and counts the write as <paramref name="counted"/>.</summary>
    /// <param name="name">The register name, e.g. "POR_EL1".</param>
    /// <param name="value">The new value.</param>
    /// <param name="counted">The kind a write counts as (the register-switch mechanism's <c>reg_write</c>).</param>
    public readonly void WriteRegister(string name, ulong value, EffectKind counted)
    {
        Machine.Registers(CpuId).Write(name, value);
        Emit(counted);
    }

    /// <summary>__task_lazy_mmu_mode_active(task): whether another task's mode is on, regardless of the current context.</summary>
    /// <param name="task">A task id.</param>
    public readonly bool IsTaskActive(int task) => Machine.IsTaskActive(task);

    /// <summary>BUG_ON: stops the machine with <see cref="ArchBugException"/> (e.g. a strict Xen enter_lazy() when already entered).</summary>
    /// <param name="message">What the assertion found.</param>
    /// <exception cref="ArchBugException">Always.</exception>
    public readonly void Bug(string message) => throw new ArchBugException(message);
}
