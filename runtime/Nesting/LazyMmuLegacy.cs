namespace LazyMmuGen.Runtime;

/// <summary>
/// Before nesting support: no generic helpers and no generic counters, every call goes straight to the arch. Modelled
/// on arm64's arch/arm64/include/asm/pgtable.h after commit 1ef3095b1405 ("arm64/mm: Permit lazy_mmu_mode to be
/// nested") and commit b81c688426a9 ("arm64/mm: Disable barrier batching in interrupt contexts"), as the removed lines
/// of "[PATCH v4 08/12] arm64: mm: replace TIF_LAZY_MMU with in_lazy_mmu_mode()" (Kevin Brodsky, 29 Oct 2025) show
/// them: arch_enter_lazy_mmu_mode() is <c>if (in_interrupt()) return; set_thread_flag(TIF_LAZY_MMU);</c> and
/// arch_leave_lazy_mmu_mode() is <c>if (in_interrupt()) return; arch_flush_lazy_mmu_mode();
/// clear_thread_flag(TIF_LAZY_MMU);</c>. TIF_LAZY_MMU is EnableCount (0/1) here. A nested section is tolerated, but
/// the first inner leave clears the flag, so "the remainder of the work in the outer nest behaves as if outside of
/// lazy mmu mode" (the comment "[PATCH v6 09/14] mm: enable lazy_mmu sections to nest" deletes from
/// arch_enter_lazy_mmu_mode()).
/// <para>A struct only so <see cref="Machine{TArch,TTask,TCpu}"/> can pass it as a type argument; never instantiated.</para>
/// </summary>
/// <typeparam name="TArch">The arch whose callbacks the layer calls.</typeparam>
/// <typeparam name="TTask">The arch's per-task state.</typeparam>
/// <typeparam name="TCpu">The arch's per-CPU state.</typeparam>
public readonly struct LazyMmuLegacy<TArch, TTask, TCpu> : IGenericLayer<TArch, TTask, TCpu>
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct, IArchState<TTask>
    where TCpu : struct, IArchState<TCpu>
{
    /// <summary>
    /// arch_enter_lazy_mmu_mode() called directly: sets TIF_LAZY_MMU (EnableCount = 1) and enters, even when already
    /// entered. Nothing in interrupt context.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    public static void Enable(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        m.CurrentState.EnableCount = 1;
        ArchCalls<TArch, TTask, TCpu>.Enter(m, PreemptSite.EnableBeforeEnter);
    }

    /// <summary>
    /// The s390 proposal's arch_enter_lazy_mmu_mode_with_ptes() called directly: <see cref="Enable"/> with the range
    /// handed to the arch, on every call since nothing counts.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <param name="range">The mm and the address range [start, end) the caller is about to update.</param>
    public static void EnableWithRange(Machine<TArch, TTask, TCpu> m, in PteRange range)
    {
        if (m.InInterrupt) return;
        m.CurrentState.EnableCount = 1;
        ArchCalls<TArch, TTask, TCpu>.EnterWithRange(m, in range);
    }

    /// <summary>
    /// arch_leave_lazy_mmu_mode() called directly: flushes, clears TIF_LAZY_MMU and leaves, whatever the nesting.
    /// Nothing in interrupt context.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    public static void Disable(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        m.CurrentState.EnableCount = 0;
        ArchCalls<TArch, TTask, TCpu>.Leave(m, PreemptSite.DisableBeforeLeave);
    }

    /// <summary>
    /// No pause helper existed: callers that had to complete their updates at once bracketed the code with
    /// arch_leave_lazy_mmu_mode() ... arch_enter_lazy_mmu_mode(). This is that leave (<see cref="Disable"/>).
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    public static void Pause(Machine<TArch, TTask, TCpu> m) => Disable(m);

    /// <summary>The arch_enter_lazy_mmu_mode() that ends such a bracket (<see cref="Enable"/>).</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    public static void Resume(Machine<TArch, TTask, TCpu> m) => Enable(m);
}
