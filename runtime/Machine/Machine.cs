using System.Text;

namespace LazyMmuGen.Runtime;

/// <summary>A machine running one arch; owns the arch's per-task and per-CPU state.</summary>
public sealed class Machine<TArch, TTask, TCpu> : MachineCore
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct
    where TCpu : struct
{
    private readonly TTask[] taskStates;
    private readonly TCpu[] cpuStates;

    public Machine(MachineOptions? options = null) : base(options ?? MachineOptions.Default)
    {
        taskStates = new TTask[MaxTasks];
        cpuStates = new TCpu[Cpus.Count];
        for (var i = 0; i < taskStates.Length; i++) TArch.InitTask(ref taskStates[i], i);
        for (var i = 0; i < cpuStates.Length; i++) TArch.InitCpu(ref cpuStates[i], i);
    }

    private Machine(Machine<TArch, TTask, TCpu> source) : base(source)
    {
        // CPUs first: a task's reference to a per-CPU primitive (s390's pinned cache) must land on the CPU's clone.
        var clones = new Dictionary<IMechanismState, IMechanismState>(ReferenceEqualityComparer.Instance);
        cpuStates = source.cpuStates.Select(s => StateReflector<TCpu>.CloneReferences(s, clones)).ToArray();
        taskStates = source.taskStates.Select(s => StateReflector<TTask>.CloneReferences(s, clones)).ToArray();
    }

    public override MachineCore Clone() => new Machine<TArch, TTask, TCpu>(this);

    public override string ArchName => TArch.Name;
    public override bool HasDistinctPauseResume => TArch.HasDistinctPauseResume;
    public override bool HasLazyMmuMode => TArch.HasLazyMmuMode;

    public ref TTask TaskState(int task) => ref taskStates[task];
    public ref TCpu CpuState(int cpu) => ref cpuStates[cpu];

    /// <summary>The context of the current task on the current CPU.</summary>
    public ArchContext<TTask, TCpu> Context() => ContextFor(CurrentCpuId, CurrentTaskId);

    public ArchContext<TTask, TCpu> ContextFor(int cpu, int task) =>
        new(this, cpu, task, ref taskStates[task], ref cpuStates[cpu]);

    public override void Enable() => Enable(default, withRange: false);
    public override void EnableWithRange(in PteRange range) => Enable(in range, withRange: true);

    public override void Disable()
    {
        // Without CONFIG_ARCH_HAS_LAZY_MMU_MODE the helper is an empty stub (include/linux/pgtable.h).
        if (!TArch.HasLazyMmuMode) return;
        switch (Options.Revision)
        {
            case GenericRevision.V3: LazyMmuV3<TArch, TTask, TCpu>.Disable(this); break;
            case GenericRevision.Legacy: LazyMmuLegacy<TArch, TTask, TCpu>.Disable(this); break;
            case GenericRevision.V2: LazyMmuV2<TArch, TTask, TCpu>.Disable(this); break;
            default: LazyMmu<TArch, TTask, TCpu>.Disable(this); break;
        }
    }

    public override void Pause()
    {
        // Without CONFIG_ARCH_HAS_LAZY_MMU_MODE the helper is an empty stub (include/linux/pgtable.h).
        if (!TArch.HasLazyMmuMode) return;
        switch (Options.Revision)
        {
            case GenericRevision.V3: LazyMmuV3<TArch, TTask, TCpu>.Pause(this); break;
            case GenericRevision.Legacy: LazyMmuLegacy<TArch, TTask, TCpu>.Pause(this); break;
            case GenericRevision.V2: LazyMmuV2<TArch, TTask, TCpu>.Pause(this); break;
            default: LazyMmu<TArch, TTask, TCpu>.Pause(this); break;
        }
    }

    public override void Resume()
    {
        // Without CONFIG_ARCH_HAS_LAZY_MMU_MODE the helper is an empty stub (include/linux/pgtable.h).
        if (!TArch.HasLazyMmuMode) return;
        switch (Options.Revision)
        {
            case GenericRevision.V3: LazyMmuV3<TArch, TTask, TCpu>.Resume(this); break;
            case GenericRevision.Legacy: LazyMmuLegacy<TArch, TTask, TCpu>.Resume(this); break;
            case GenericRevision.V2: LazyMmuV2<TArch, TTask, TCpu>.Resume(this); break;
            default: LazyMmu<TArch, TTask, TCpu>.Resume(this); break;
        }
    }

    public override void SetPte(in PteWrite write) => LazyMmu<TArch, TTask, TCpu>.SetPte(this, in write);
    public override Pte GetPte(int mm, ulong addr) => LazyMmu<TArch, TTask, TCpu>.GetPte(this, mm, addr);

    private void Enable(in PteRange range, bool withRange)
    {
        // Without CONFIG_ARCH_HAS_LAZY_MMU_MODE, lazy_mmu_mode_enable() is an empty stub (include/linux/pgtable.h).
        if (!TArch.HasLazyMmuMode) return;
        switch (Options.Revision)
        {
            case GenericRevision.V3: LazyMmuV3<TArch, TTask, TCpu>.Enable(this, in range, withRange); break;
            case GenericRevision.Legacy: LazyMmuLegacy<TArch, TTask, TCpu>.Enable(this, in range, withRange); break;
            case GenericRevision.V2: LazyMmuV2<TArch, TTask, TCpu>.Enable(this, in range, withRange); break;
            default:
                if (withRange) LazyMmu<TArch, TTask, TCpu>.EnableWithRange(this, in range);
                else LazyMmu<TArch, TTask, TCpu>.Enable(this);
                break;
        }
    }

    public override IReadOnlyList<IMechanismState> MechanismStates(int cpu) =>
        StateReflector<TCpu>.Mechanisms(cpuStates[cpu]).ToArray();

    protected override void AppendArchFingerprint(StringBuilder builder)
    {
        for (var t = 0; t < taskStates.Length; t++)
        {
            builder.Append("|t").Append(t).Append(':');
            StateReflector<TTask>.Append(builder, taskStates[t], referencesOnlyByPresence: true);
        }
        for (var c = 0; c < cpuStates.Length; c++)
        {
            builder.Append("|c").Append(c).Append(':');
            StateReflector<TCpu>.Append(builder, cpuStates[c], referencesOnlyByPresence: false);
        }
    }

    protected override void ArchSwitchOut(int cpu, int task)
    {
        var c = ContextFor(cpu, task);
        TArch.SwitchOut(ref c);
    }

    protected override void ArchSwitchIn(int cpu, int task)
    {
        var c = ContextFor(cpu, task);
        TArch.SwitchIn(ref c);
    }
}
