namespace LazyMmuGen.Runtime;

/// <summary>
/// The callbacks an arch plugs into the generic layer. Static abstract members on a struct let the JIT
/// specialise <see cref="LazyMmu{TArch,TTask,TCpu}"/> per arch: no virtual dispatch, no allocation.
/// <typeparamref name="TTask"/> and <typeparamref name="TCpu"/> are the arch's own per-task and per-CPU
/// state; the generic layer owns their storage and hands them to every callback.
/// </summary>
public interface ILazyMmuArch<TSelf, TTask, TCpu>
    where TSelf : struct, ILazyMmuArch<TSelf, TTask, TCpu>
    where TTask : struct
    where TCpu : struct
{
    static abstract string Name { get; }

    /// <summary>
    /// CONFIG_ARCH_HAS_LAZY_MMU_MODE: false for an arch that does not opt in, which gets the kernel's empty
    /// stubs (include/linux/pgtable.h): the helpers do nothing and the mode is never active.
    /// </summary>
    static abstract bool HasLazyMmuMode { get; }

    /// <summary>True when pause()/resume() call Pause/Resume instead of Leave/Enter.</summary>
    static abstract bool HasDistinctPauseResume { get; }

    static abstract void InitCpu(ref TCpu cpu, int cpuId);

    static abstract void InitTask(ref TTask task, int taskId);

    static abstract void Enter(ref ArchContext<TTask, TCpu> c);

    /// <summary>Outermost enable_with_ptes(); arches without a range use <see cref="Enter"/>.</summary>
    static abstract void EnterWithRange(ref ArchContext<TTask, TCpu> c, in PteRange range);

    static abstract void Leave(ref ArchContext<TTask, TCpu> c);

    static abstract void Flush(ref ArchContext<TTask, TCpu> c);

    static abstract void Pause(ref ArchContext<TTask, TCpu> c);

    static abstract void Resume(ref ArchContext<TTask, TCpu> c);

    static abstract void SetPte(ref ArchContext<TTask, TCpu> c, in PteWrite write);

    static abstract Pte GetPte(ref ArchContext<TTask, TCpu> c, int mm, ulong addr);

    /// <summary>Context-switch hook on the outgoing task (before it stops running on the CPU).</summary>
    static abstract void SwitchOut(ref ArchContext<TTask, TCpu> c);

    /// <summary>Context-switch hook on the incoming task (after it runs on the CPU).</summary>
    static abstract void SwitchIn(ref ArchContext<TTask, TCpu> c);
}
