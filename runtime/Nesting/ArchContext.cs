namespace LazyMmuGen.Runtime;

/// <summary>
/// What an arch callback sees: the machine, the CPU and task it runs for, and refs to the arch's own
/// per-task and per-CPU state. A ref struct so building one per call costs nothing on the heap.
/// </summary>
public ref struct ArchContext<TTask, TCpu>
    where TTask : struct
    where TCpu : struct
{
    public readonly MachineCore Machine;
    public readonly int CpuId;
    public readonly int TaskId;
    public ref TTask Task;
    public ref TCpu Cpu;

    public ArchContext(MachineCore machine, int cpuId, int taskId, ref TTask task, ref TCpu cpu)
    {
        Machine = machine;
        CpuId = cpuId;
        TaskId = taskId;
        Task = ref task;
        Cpu = ref cpu;
    }

    public readonly bool InInterrupt => Machine.CpuAt(CpuId).IrqDepth > 0;

    /// <summary>is_lazy_mmu_mode_active(): never in interrupt context.</summary>
    public readonly bool IsActive => !InInterrupt && Machine.IsTaskActive(TaskId);

    public readonly void Emit(Effect effect, long amount = 1) => Machine.Effects.Add(effect, amount);

    public readonly void PreemptDisable() => Machine.PreemptDisableOn(CpuId);

    public readonly void PreemptEnable() => Machine.PreemptEnableOn(CpuId);

    /// <summary>Writes the pte to the page table and tracks it as pending.</summary>
    public readonly long Store(in PteWrite write)
    {
        Machine.PageTable.Store(write.Mm, write.Addr, write.Entry);
        return Track(in write);
    }

    /// <summary>Tracks a write as pending without touching the page table (a cache holds it).</summary>
    public readonly long Track(in PteWrite write) =>
        Machine.Pending.Track(TaskId, CpuId, write.Mm, write.Addr, InInterrupt);

    public readonly void Complete(long id) => Machine.Pending.Complete(id);

    public readonly void CompleteTaskWrites() => Machine.Pending.CompleteTask(TaskId);

    public readonly void RecordHook(ArchCallback callback) => Machine.Callbacks.RecordHook(callback);

    public readonly ulong ReadRegister(string name) => Machine.Registers(CpuId).Read(name);

    public readonly void WriteRegister(string name, ulong value)
    {
        Machine.Registers(CpuId).Write(name, value);
        Emit(Effect.RegWrite);
    }

    public readonly bool IsTaskActive(int task) => Machine.IsTaskActive(task);

    public readonly void Bug(string message) => throw new ArchBugException(message);
}
