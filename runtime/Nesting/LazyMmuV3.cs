namespace LazyMmuGen.Runtime;

/// <summary>
/// Seed v3 of the generic layer, kept for differential checking: include/linux/pgtable.h as
/// "[PATCH v3 07/13] mm: enable lazy_mmu sections to nest" (Kevin Brodsky, 15 Oct 2025) writes the helpers, with the
/// <c>if (in_interrupt()) return;</c> that "[PATCH v3 12/13] mm: bail out of lazy_mmu_mode_* in interrupt context"
/// adds to each (docs/contract.md §5). The task's state is <c>struct lazy_mmu_state { u8 count; bool enabled; }</c>,
/// kept in <see cref="LazyMmuState"/> as EnableCount = count and PauseCount = 1 while paused (enabled == false inside
/// a section). Enable while paused only warns; pause/resume do not nest.
/// <para>
/// Where the model differs from that text: v3's <c>VM_BUG_ON</c> over- and underflow checks are warn-once, as the
/// review asked and the final revision has; the counter moves before the arch call (C calls arch_enter_lazy_mmu_mode()
/// before <c>++state->count</c>); the <c>VM_WARN_ON(!state->enabled)</c> of disable is not modelled; and pause/resume
/// outside a section return at once instead of warning.
/// </para>
/// <para>A struct only so <see cref="Machine{TArch,TTask,TCpu}"/> can pass it as a type argument; never instantiated.</para>
/// </summary>
/// <typeparam name="TArch">The arch whose callbacks the layer calls.</typeparam>
/// <typeparam name="TTask">The arch's per-task state.</typeparam>
/// <typeparam name="TCpu">The arch's per-CPU state.</typeparam>
public readonly struct LazyMmuV3<TArch, TTask, TCpu> : IGenericLayer<TArch, TTask, TCpu>
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct, IArchState<TTask>
    where TCpu : struct, IArchState<TCpu>
{
    /// <summary>
    /// v3 lazy_mmu_mode_enable(): warns that "enable() must not be called while paused" and goes on; the outermost
    /// call (count 0 to 1) calls arch_enter_lazy_mmu_mode() and sets enabled = true. Nothing in interrupt context.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">A misuse under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Enable(Machine<TArch, TTask, TCpu> m)
    {
        if (BeginEnable(m)) ArchCalls<TArch, TTask, TCpu>.Enter(m, PreemptSite.EnableBeforeEnter);
    }

    /// <summary>
    /// v3 with the s390 proposal's lazy_mmu_mode_enable_with_ptes(): <see cref="Enable"/>, but the outermost call hands
    /// the range to arch_enter_lazy_mmu_mode_with_ptes().
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <param name="range">The mm and the address range [start, end) the caller is about to update.</param>
    /// <exception cref="LazyMmuMisuseException">A misuse under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void EnableWithRange(Machine<TArch, TTask, TCpu> m, in PteRange range)
    {
        if (BeginEnable(m)) ArchCalls<TArch, TTask, TCpu>.EnterWithRange(m, in range);
    }

    /// <summary>
    /// v3 lazy_mmu_mode_disable(): --count; at 0 sets enabled = false and calls arch_leave_lazy_mmu_mode(), otherwise
    /// (a nested section) calls arch_flush_lazy_mmu_mode(). Unlike the final revision it is not ignored while paused.
    /// Nothing in interrupt context.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">count is 0 under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Disable(Machine<TArch, TTask, TCpu> m)
    {
        ref var state = ref m.CurrentState;
        if (m.InInterrupt) return;
        if (state.EnableCount == 0) m.Warnings.Fire(WarnSite.DisableUnderflow);
        if (--state.EnableCount == 0)
        {
            state.PauseCount = 0;
            ArchCalls<TArch, TTask, TCpu>.Leave(m, PreemptSite.DisableBeforeLeave);
        }
        else
        {
            ArchCalls<TArch, TTask, TCpu>.Flush(m); // exiting a nested section
        }
    }

    /// <summary>
    /// v3 lazy_mmu_mode_pause() inside a section: sets enabled = false and calls arch_leave_lazy_mmu_mode(). Pauses do
    /// not nest: a second pause warns and leaves again. Nothing outside a section or in interrupt context.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">Already paused, under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Pause(Machine<TArch, TTask, TCpu> m)
    {
        ref var state = ref m.CurrentState;
        if (m.InInterrupt || state.EnableCount == 0) return;
        if (state.PauseCount > 0) m.Warnings.Fire(WarnSite.V3NestedPause);
        state.PauseCount = 1;
        ArchCalls<TArch, TTask, TCpu>.Leave(m, PreemptSite.PauseBeforeLeave);
    }

    /// <summary>
    /// v3 lazy_mmu_mode_resume() inside a section: calls arch_enter_lazy_mmu_mode() and sets enabled = true. A resume
    /// without a pause warns and enters anyway. Nothing outside a section or in interrupt context.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">Not paused, under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Resume(Machine<TArch, TTask, TCpu> m)
    {
        ref var state = ref m.CurrentState;
        if (m.InInterrupt || state.EnableCount == 0) return;
        if (state.PauseCount == 0) m.Warnings.Fire(WarnSite.V3ResumeWithoutPause);
        state.PauseCount = 0;
        ArchCalls<TArch, TTask, TCpu>.Enter(m, PreemptSite.ResumeBeforeEnter);
    }

    /// <summary>The counting half of v3's enable; true when this is the outermost call, which must enter.</summary>
    private static bool BeginEnable(Machine<TArch, TTask, TCpu> m)
    {
        ref var state = ref m.CurrentState;
        if (m.InInterrupt) return false;
        if (state.PauseCount > 0) m.Warnings.Fire(WarnSite.V3EnableWhilePaused);
        if (state.EnableCount == byte.MaxValue) m.Warnings.Fire(WarnSite.EnableOverflow);
        if (state.EnableCount++ == 0)
        {
            state.PauseCount = 0;
            return true;
        }
        return false;
    }
}
