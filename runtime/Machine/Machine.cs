namespace LazyMmuGen.Runtime;

/// <summary>
/// A machine running one arch; owns the arch's per-task and per-CPU state. Generated arches create one with
/// <c>Arm64.CreateMachine()</c> (or <see cref="ArchInfo.CreateMachine"/>); the lazy MMU calls are routed to the
/// revision of the generic layer in <see cref="MachineOptions.Revision"/>, specialised for <typeparamref name="TArch"/>.
/// </summary>
/// <typeparam name="TArch">The generated arch struct (its callbacks).</typeparam>
/// <typeparam name="TTask">The arch's per-task state (the generated <c>TaskState</c>).</typeparam>
/// <typeparam name="TCpu">The arch's per-CPU state (the generated <c>CpuState</c>).</typeparam>
public sealed partial class Machine<TArch, TTask, TCpu> : MachineCore
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct, IArchState<TTask>
    where TCpu : struct, IArchState<TCpu>
{
    private readonly TTask[] taskStates;
    private readonly TCpu[] cpuStates;

    /// <summary>A machine in its initial state: task 1 running on CPU 0, every other CPU idle, every pte absent.</summary>
    /// <param name="options">CPUs, tasks, misuse policy and revision; null means <see cref="MachineOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one CPU or two task slots (idle plus one task).</exception>
    public Machine(MachineOptions? options = null) : base(options ?? MachineOptions.Default)
    {
        StoreGuards = TArch.StoreGuards;
        taskStates = new TTask[MaxTasks];
        cpuStates = new TCpu[Cpus.Count];
        for (var i = 0; i < taskStates.Length; i++) TArch.InitTask(ref taskStates[i], i);
        for (var i = 0; i < cpuStates.Length; i++) TArch.InitCpu(ref cpuStates[i], i);
    }

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
    public override void Enable() => Run<EnableHelper>(default);
    /// <inheritdoc/>
    public override void EnableWithRange(in PteRange range) => Run<EnableWithRangeHelper>(in range);
    /// <inheritdoc/>
    public override void Disable() => Run<DisableHelper>(default);
    /// <inheritdoc/>
    public override void Pause() => Run<PauseHelper>(default);
    /// <inheritdoc/>
    public override void Resume() => Run<ResumeHelper>(default);

    /// <inheritdoc/>
    public override void SetPte(in PteWrite write) => LazyMmu<TArch, TTask, TCpu>.SetPte(this, in write);
    /// <inheritdoc/>
    public override Pte GetPte(int mm, ulong addr) => LazyMmu<TArch, TTask, TCpu>.GetPte(this, mm, addr);

    /// <summary>
    /// Runs one lazy MMU helper in the revision of the generic layer this machine was built with: the only place
    /// <see cref="MachineOptions.Revision"/> is looked at. The helper and the revision are both structs, so the JIT
    /// compiles each (helper, revision) pair on its own and calls the revision's method directly: per operation, a
    /// switch on a value fixed for the machine's lifetime, and no delegate, virtual call or allocation.
    /// </summary>
    /// <param name="range">The range for <see cref="EnableWithRangeHelper"/>; ignored by the others.</param>
    private void Run<THelper>(in PteRange range) where THelper : struct, IHelper
    {
        // Without CONFIG_ARCH_HAS_LAZY_MMU_MODE every helper is an empty stub (include/linux/pgtable.h).
        if (!TArch.HasLazyMmuMode) return;
        switch (Options.Revision)
        {
            case GenericRevision.V3: THelper.Run<LazyMmuV3<TArch, TTask, TCpu>>(this, in range); break;
            case GenericRevision.Legacy: THelper.Run<LazyMmuLegacy<TArch, TTask, TCpu>>(this, in range); break;
            case GenericRevision.V2: THelper.Run<LazyMmuV2<TArch, TTask, TCpu>>(this, in range); break;
            default: THelper.Run<LazyMmu<TArch, TTask, TCpu>>(this, in range); break;
        }
    }

    /// <summary>One of the include/linux/pgtable.h helpers, as a type <see cref="Run{THelper}"/> can apply to any revision.</summary>
    private interface IHelper
    {
        static abstract void Run<TLayer>(Machine<TArch, TTask, TCpu> m, in PteRange range)
            where TLayer : struct, IGenericLayer<TArch, TTask, TCpu>;
    }

    /// <summary>lazy_mmu_mode_enable().</summary>
    private readonly struct EnableHelper : IHelper
    {
        public static void Run<TLayer>(Machine<TArch, TTask, TCpu> m, in PteRange range)
            where TLayer : struct, IGenericLayer<TArch, TTask, TCpu> => TLayer.Enable(m);
    }

    /// <summary>lazy_mmu_mode_enable_with_ptes().</summary>
    private readonly struct EnableWithRangeHelper : IHelper
    {
        public static void Run<TLayer>(Machine<TArch, TTask, TCpu> m, in PteRange range)
            where TLayer : struct, IGenericLayer<TArch, TTask, TCpu> => TLayer.EnableWithRange(m, in range);
    }

    /// <summary>lazy_mmu_mode_disable().</summary>
    private readonly struct DisableHelper : IHelper
    {
        public static void Run<TLayer>(Machine<TArch, TTask, TCpu> m, in PteRange range)
            where TLayer : struct, IGenericLayer<TArch, TTask, TCpu> => TLayer.Disable(m);
    }

    /// <summary>lazy_mmu_mode_pause().</summary>
    private readonly struct PauseHelper : IHelper
    {
        public static void Run<TLayer>(Machine<TArch, TTask, TCpu> m, in PteRange range)
            where TLayer : struct, IGenericLayer<TArch, TTask, TCpu> => TLayer.Pause(m);
    }

    /// <summary>lazy_mmu_mode_resume().</summary>
    private readonly struct ResumeHelper : IHelper
    {
        public static void Run<TLayer>(Machine<TArch, TTask, TCpu> m, in PteRange range)
            where TLayer : struct, IGenericLayer<TArch, TTask, TCpu> => TLayer.Resume(m);
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
