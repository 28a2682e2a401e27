using System.Text;

namespace LazyMmuGen.Runtime;

/// <summary>
/// A machine running one arch; owns the arch's per-task and per-CPU state. Generated arches create one with
/// <c>Arm64.CreateMachine()</c> (or <see cref="ArchInfo.CreateMachine"/>); the lazy MMU calls are routed to the
/// revision of the generic layer in <see cref="MachineOptions.Revision"/>, specialised for <typeparamref name="TArch"/>.
/// </summary>
/// <typeparam name="TArch">The generated arch struct (its callbacks).</typeparam>
/// <typeparam name="TTask">The arch's per-task state (the generated <c>TaskState</c>).</typeparam>
/// <typeparam name="TCpu">The arch's per-CPU state (the generated <c>CpuState</c>).</typeparam>
public sealed class Machine<TArch, TTask, TCpu> : MachineCore
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct
    where TCpu : struct
{
    private readonly TTask[] taskStates;
    private readonly TCpu[] cpuStates;

    /// <summary>A machine in its initial state: task 1 running on CPU 0, every other CPU idle, every pte absent.</summary>
    /// <param name="options">CPUs, tasks, misuse policy and revision; null means <see cref="MachineOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one CPU or two task slots (idle plus one task).</exception>
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

    /// <inheritdoc/>
    public override MachineCore Clone() => new Machine<TArch, TTask, TCpu>(this);

    /// <inheritdoc/>
    public override string ArchName => TArch.Name;
    /// <inheritdoc/>
    public override bool HasDistinctPauseResume => TArch.HasDistinctPauseResume;
    /// <inheritdoc/>
    public override bool HasLazyMmuMode => TArch.HasLazyMmuMode;

    /// <summary>The arch's own state of <paramref name="task"/> (e.g. arm64's TIF_LAZY_MMU_PENDING flag), by reference.</summary>
    /// <param name="task">A task id, 0 (idle) to <see cref="MachineCore.MaxTasks"/> - 1.</param>
    /// <exception cref="IndexOutOfRangeException">No such task slot.</exception>
    public ref TTask TaskState(int task) => ref taskStates[task];
    /// <summary>The arch's own state of <paramref name="cpu"/> (e.g. its TLB batch or multicall buffer), by reference.</summary>
    /// <param name="cpu">A CPU number, 0 to <see cref="MachineCore.Cpus"/>.Count - 1.</param>
    /// <exception cref="IndexOutOfRangeException">No such CPU.</exception>
    public ref TCpu CpuState(int cpu) => ref cpuStates[cpu];

    /// <summary>The context of the current task on the current CPU.</summary>
    public ArchContext<TTask, TCpu> Context() => ContextFor(CurrentCpuId, CurrentTaskId);

    /// <summary>The context an arch callback would get for <paramref name="task"/> on <paramref name="cpu"/>.</summary>
    /// <param name="cpu">A CPU number.</param>
    /// <param name="task">A task id.</param>
    public ArchContext<TTask, TCpu> ContextFor(int cpu, int task) =>
        new(this, cpu, task, ref taskStates[task], ref cpuStates[cpu]);

    /// <inheritdoc/>
    public override void Enable() => Enable(default, withRange: false);
    /// <inheritdoc/>
    public override void EnableWithRange(in PteRange range) => Enable(in range, withRange: true);

    /// <inheritdoc/>
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

    /// <inheritdoc/>
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

    /// <inheritdoc/>
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

    /// <inheritdoc/>
    public override void SetPte(in PteWrite write) => LazyMmu<TArch, TTask, TCpu>.SetPte(this, in write);
    /// <inheritdoc/>
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

    /// <inheritdoc/>
    public override IReadOnlyList<IMechanismState> MechanismStates(int cpu) =>
        StateReflector<TCpu>.Mechanisms(cpuStates[cpu]).ToArray();

    /// <inheritdoc/>
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

    /// <inheritdoc/>
    protected override void ArchSwitchOut(int cpu, int task)
    {
        var c = ContextFor(cpu, task);
        TArch.SwitchOut(ref c);
    }

    /// <inheritdoc/>
    protected override void ArchSwitchIn(int cpu, int task)
    {
        var c = ContextFor(cpu, task);
        TArch.SwitchIn(ref c);
    }
}
