namespace LazyMmuGen.Runtime;

/// <summary>
/// What every revision of the generic layer provides: the include/linux/pgtable.h helpers that callers bracket
/// their page-table updates with. One shape for all revisions, so <see cref="Machine{TArch,TTask,TCpu}"/>
/// picks a revision with one switch and calls it without knowing which one it is.
/// <para>
/// The members are static abstract and the revisions are structs, so the JIT compiles a separate, fully
/// inlinable copy of the machine's dispatch for each revision: no delegate, no virtual call, no allocation.
/// </para>
/// </summary>
internal interface IGenericLayer<TArch, TTask, TCpu>
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct, IArchState<TTask>
    where TCpu : struct, IArchState<TCpu>
{
    /// <summary>lazy_mmu_mode_enable().</summary>
    static abstract void Enable(Machine<TArch, TTask, TCpu> m);

    /// <summary>lazy_mmu_mode_enable_with_ptes(mm, addr, end, ptep).</summary>
    static abstract void EnableWithRange(Machine<TArch, TTask, TCpu> m, in PteRange range);

    /// <summary>lazy_mmu_mode_disable().</summary>
    static abstract void Disable(Machine<TArch, TTask, TCpu> m);

    /// <summary>lazy_mmu_mode_pause().</summary>
    static abstract void Pause(Machine<TArch, TTask, TCpu> m);

    /// <summary>lazy_mmu_mode_resume().</summary>
    static abstract void Resume(Machine<TArch, TTask, TCpu> m);
}
