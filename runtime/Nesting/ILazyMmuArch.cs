namespace LazyMmuGen.Runtime;

/// <summary>
/// The callbacks an arch plugs into the generic layer. Static abstract members on a struct let the JIT
/// specialise <see cref="LazyMmu{TArch,TTask,TCpu}"/> per arch: no virtual dispatch, no allocation.
/// <typeparamref name="TTask"/> and <typeparamref name="TCpu"/> are the arch's own per-task and per-CPU
/// state; the generic layer owns their storage and hands them to every callback.
/// </summary>
/// <typeparam name="TSelf">The arch struct itself (the generated type, e.g. <c>Arm64</c>).</typeparam>
/// <typeparam name="TTask">The arch's per-task state (its <see cref="IArchState{TSelf}"/> members are emitted with it).</typeparam>
/// <typeparam name="TCpu">The arch's per-CPU state (likewise).</typeparam>
public interface ILazyMmuArch<TSelf, TTask, TCpu>
    where TSelf : struct, ILazyMmuArch<TSelf, TTask, TCpu>
    where TTask : struct, IArchState<TTask>
    where TCpu : struct, IArchState<TCpu>
{
    /// <summary>The arch's name, as in its descriptor's <c>arch:</c> (e.g. "arm64").</summary>
    static abstract string Name { get; }

    /// <summary>
    /// CONFIG_ARCH_HAS_LAZY_MMU_MODE: false for an arch that does not opt in, which gets the kernel's empty
    /// stubs (include/linux/pgtable.h): the helpers do nothing and the mode is never active.
    /// </summary>
    static abstract bool HasLazyMmuMode { get; }

    /// <summary>True when pause()/resume() call Pause/Resume instead of Leave/Enter.</summary>
    static abstract bool HasDistinctPauseResume { get; }

    /// <summary>
    /// Registers a page-table store needs at a level (a mechanism's <c>store-level:</c>, e.g. kpkeys' POR_EL1 at
    /// PGTABLES); the machine faults any other store (<see cref="PteStoreFaultException"/>). Default: none.
    /// </summary>
    static virtual IReadOnlyList<StoreGuard> StoreGuards => [];

    /// <summary>Initialises a CPU's arch state when the machine is built (e.g. allocates its TLB batch).</summary>
    /// <param name="cpu">The state to initialise.</param>
    /// <param name="cpuId">The CPU number.</param>
    static abstract void InitCpu(ref TCpu cpu, int cpuId);

    /// <summary>Initialises a task's arch state when the machine is built.</summary>
    /// <param name="task">The state to initialise.</param>
    /// <param name="taskId">The task id (0 is idle).</param>
    static abstract void InitTask(ref TTask task, int taskId);

    /// <summary>arch_enter_lazy_mmu_mode(): the outermost enable, and resume when <see cref="HasDistinctPauseResume"/> is false.</summary>
    /// <param name="c">The machine, CPU, task and arch state the callback runs with.</param>
    static abstract void Enter(ref ArchContext<TTask, TCpu> c);

    /// <summary>Outermost enable_with_ptes() (arch_enter_lazy_mmu_mode_with_ptes()); arches without a range use <see cref="Enter"/>.</summary>
    /// <param name="c">The callback's context.</param>
    /// <param name="range">The mm and address range the caller is about to update.</param>
    static abstract void EnterWithRange(ref ArchContext<TTask, TCpu> c, in PteRange range);

    /// <summary>
    /// arch_leave_lazy_mmu_mode(): the outermost disable, and pause when <see cref="HasDistinctPauseResume"/> is
    /// false. Must complete every deferred update of the task (guarantees 1 and 2).
    /// </summary>
    /// <param name="c">The callback's context.</param>
    static abstract void Leave(ref ArchContext<TTask, TCpu> c);

    /// <summary>arch_flush_lazy_mmu_mode(): a nested disable. Must complete deferred updates; the mode stays on.</summary>
    /// <param name="c">The callback's context.</param>
    static abstract void Flush(ref ArchContext<TTask, TCpu> c);

    /// <summary>The arch's own pause (called only when <see cref="HasDistinctPauseResume"/> is true); must complete deferred updates.</summary>
    /// <param name="c">The callback's context.</param>
    static abstract void Pause(ref ArchContext<TTask, TCpu> c);

    /// <summary>The arch's own resume (called only when <see cref="HasDistinctPauseResume"/> is true).</summary>
    /// <param name="c">The callback's context.</param>
    static abstract void Resume(ref ArchContext<TTask, TCpu> c);

    /// <summary>
    /// A pte store (set_pte() with the arch's completion path, e.g. arm64's __set_pte_complete()): stores or caches
    /// the pte, tracks it as pending, and either completes it at once or defers it when the mode is active.
    /// </summary>
    /// <param name="c">The callback's context.</param>
    /// <param name="write">The update.</param>
    static abstract void SetPte(ref ArchContext<TTask, TCpu> c, in PteWrite write);

    /// <summary>ptep_get(): the pte as the arch sees it (from its cache when it holds one, else the page table).</summary>
    /// <param name="c">The callback's context.</param>
    /// <param name="mm">The address space (mm) number.</param>
    /// <param name="addr">The virtual address, in bytes.</param>
    static abstract Pte GetPte(ref ArchContext<TTask, TCpu> c, int mm, ulong addr);

    /// <summary>Context-switch hook on the outgoing task (before it stops running on the CPU), e.g. xen_start_context_switch().</summary>
    /// <param name="c">The context of the outgoing task on the CPU being switched.</param>
    static abstract void SwitchOut(ref ArchContext<TTask, TCpu> c);

    /// <summary>Context-switch hook on the incoming task (after it runs on the CPU), e.g. xen_end_context_switch().</summary>
    /// <param name="c">The context of the incoming task on the CPU being switched.</param>
    static abstract void SwitchIn(ref ArchContext<TTask, TCpu> c);
}
