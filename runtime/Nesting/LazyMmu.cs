namespace LazyMmuGen.Runtime;

/// <summary>
/// The generic nesting layer, final revision (docs/contract.md §2): the include/linux/pgtable.h helpers as
/// "[PATCH v6 09/14] mm: enable lazy_mmu sections to nest" (Kevin Brodsky, 15 Dec 2025) leaves them, on top of
/// "mm: introduce generic lazy_mmu helpers" and "mm: bail out of lazy_mmu_mode_* in interrupt context" from the
/// same series. The only generic state is the task's <c>struct lazy_mmu_state { u8 enable_count; u8 pause_count; }</c>
/// (include/linux/mm_types_task.h), here <see cref="MachineCore.CurrentState"/>.
/// <para>
/// Each helper is written as the kernel writes it, condition for condition. What the model adds: every
/// <c>VM_WARN_ON_ONCE</c> is a <see cref="WarnOnceLog.Fire"/> (which throws under <see cref="MisusePolicy.Strict"/>,
/// before any counter moves), the u8 counters wrap as in C, and <see cref="ArchCalls{TArch,TTask,TCpu}"/> puts a
/// preemption point between the counter update and the arch callback, because the kernel's helpers do not disable
/// preemption.
/// </para>
/// <para>
/// A struct only so that <see cref="Machine{TArch,TTask,TCpu}"/> can pass it as a type argument the JIT specialises
/// (see <see cref="IGenericLayer{TArch,TTask,TCpu}"/>); it has no instance state and is never instantiated.
/// </para>
/// </summary>
/// <typeparam name="TArch">The arch whose callbacks the layer calls.</typeparam>
/// <typeparam name="TTask">The arch's per-task state.</typeparam>
/// <typeparam name="TCpu">The arch's per-CPU state.</typeparam>
public readonly struct LazyMmu<TArch, TTask, TCpu> : IGenericLayer<TArch, TTask, TCpu>
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct, IArchState<TTask>
    where TCpu : struct, IArchState<TCpu>
{
    /// <summary>
    /// include/linux/pgtable.h: lazy_mmu_mode_enable() ("[PATCH v6 09/14] mm: enable lazy_mmu sections to nest").
    /// Enters a new lazy MMU mode section; if the mode was not already enabled, enables it and calls
    /// arch_enter_lazy_mmu_mode(). Has no effect while paused or in interrupt context. An enable_count of 255
    /// warns once and wraps to 0, so that call enters nothing.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">enable_count is 255 under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Enable(Machine<TArch, TTask, TCpu> m)
    {
        ref var state = ref m.CurrentState;
        if (m.InInterrupt || state.PauseCount > 0) return;
        if (state.EnableCount == byte.MaxValue) m.Warnings.Fire(WarnSite.EnableOverflow);
        if (state.EnableCount++ == 0) ArchCalls<TArch, TTask, TCpu>.Enter(m, PreemptSite.EnableBeforeEnter);
    }

    /// <summary>
    /// include/linux/pgtable.h: lazy_mmu_mode_enable_with_ptes(mm, addr, end, ptep) ("[PATCH v6 1/4] mm: Make lazy
    /// MMU mode context-aware", Alexander Gordeev, the s390 series; docs/contract.md §6). Exactly
    /// lazy_mmu_mode_enable(), except that the outermost call hands the range to
    /// arch_enter_lazy_mmu_mode_with_ptes(); a nested call passes nothing to the arch.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <param name="range">The mm and the address range [start, end) the caller is about to update.</param>
    /// <exception cref="LazyMmuMisuseException">enable_count is 255 under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void EnableWithRange(Machine<TArch, TTask, TCpu> m, in PteRange range)
    {
        ref var state = ref m.CurrentState;
        if (m.InInterrupt || state.PauseCount > 0) return;
        if (state.EnableCount == byte.MaxValue) m.Warnings.Fire(WarnSite.EnableOverflow);
        if (state.EnableCount++ == 0) ArchCalls<TArch, TTask, TCpu>.EnterWithRange(m, in range);
    }

    /// <summary>
    /// include/linux/pgtable.h: lazy_mmu_mode_disable() ("[PATCH v6 09/14] mm: enable lazy_mmu sections to nest").
    /// Exits the current lazy MMU mode section. If it is the outermost section, disables the mode and calls
    /// arch_leave_lazy_mmu_mode(); otherwise (a nested section) calls arch_flush_lazy_mmu_mode(), so every earlier
    /// update has taken effect either way. Has no effect while paused or in interrupt context. An enable_count of 0
    /// warns once and wraps to 255, so that call flushes.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">enable_count is 0 under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Disable(Machine<TArch, TTask, TCpu> m)
    {
        ref var state = ref m.CurrentState;
        if (m.InInterrupt || state.PauseCount > 0) return;
        if (state.EnableCount == 0) m.Warnings.Fire(WarnSite.DisableUnderflow);
        if (--state.EnableCount == 0) ArchCalls<TArch, TTask, TCpu>.Leave(m, PreemptSite.DisableBeforeLeave);
        else ArchCalls<TArch, TTask, TCpu>.Flush(m); // exiting a nested section
    }

    /// <summary>
    /// include/linux/pgtable.h: lazy_mmu_mode_pause() ("[PATCH v6 09/14] mm: enable lazy_mmu sections to nest").
    /// Pauses the lazy MMU mode; if it is currently active, disables it and calls arch_leave_lazy_mmu_mode()
    /// (or the arch's own pause, the reviewers' proposal of docs/contract.md §5, when
    /// <see cref="ILazyMmuArch{TArch,TTask,TCpu}.HasDistinctPauseResume"/>). Calls to the lazy_mmu_mode_* helpers
    /// then have no effect until the matching resume; pauses nest, and only the first one leaves. Has no effect in
    /// interrupt context. A pause_count of 255 warns once and wraps to 0.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">pause_count is 255 under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Pause(Machine<TArch, TTask, TCpu> m)
    {
        ref var state = ref m.CurrentState;
        if (m.InInterrupt) return;
        if (state.PauseCount == byte.MaxValue) m.Warnings.Fire(WarnSite.PauseOverflow);
        if (state.PauseCount++ == 0 && state.EnableCount > 0) ArchCalls<TArch, TTask, TCpu>.Pause(m);
    }

    /// <summary>
    /// include/linux/pgtable.h: lazy_mmu_mode_resume() ("[PATCH v6 09/14] mm: enable lazy_mmu sections to nest").
    /// Resumes the lazy MMU mode; if it was active when the matching pause was made, re-enables it at the same
    /// nesting level and calls arch_enter_lazy_mmu_mode() (or the arch's own resume). Only the last of nested resumes
    /// enters. Has no effect in interrupt context. A pause_count of 0 warns once and wraps to 255.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">pause_count is 0 under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Resume(Machine<TArch, TTask, TCpu> m)
    {
        ref var state = ref m.CurrentState;
        if (m.InInterrupt) return;
        if (state.PauseCount == 0) m.Warnings.Fire(WarnSite.ResumeUnderflow);
        if (--state.PauseCount == 0 && state.EnableCount > 0) ArchCalls<TArch, TTask, TCpu>.Resume(m);
    }

    /// <summary>
    /// include/linux/sched.h: is_lazy_mmu_mode_active(). Whether the current context is in lazy MMU mode: false in
    /// interrupt context, else whether the current task's mode is enabled and not paused.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    public static bool IsActive(Machine<TArch, TTask, TCpu> m) => m.IsActive;

    /// <summary>
    /// include/linux/sched.h: __task_lazy_mmu_mode_active(tsk). Whether the task's saved state says active
    /// (enable_count &gt; 0 and pause_count == 0), whatever context the caller is in; for arch code such as a
    /// context-switch hook that asks about another task.
    /// </summary>
    /// <param name="m">The machine.</param>
    /// <param name="task">A task id.</param>
    public static bool IsActive(Machine<TArch, TTask, TCpu> m, int task) => m.IsTaskActive(task);

    /// <summary>
    /// set_pte() and the arch's hooks around it, by the current task in the current context: the arch decides
    /// whether the update's side effects complete now or are deferred to the section's flush or leave. Counts one
    /// <see cref="MachineEffects.PteWrite"/> when it completes.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <param name="write">The update.</param>
    public static void SetPte(Machine<TArch, TTask, TCpu> m, in PteWrite write)
    {
        var c = m.Context();
        TArch.SetPte(ref c, in write);
        // Counted once the arch's set_pte returns: a store that faulted (PteStoreFaultException) or hit a BUG wrote nothing.
        m.Effects.Add(MachineEffects.PteWrite);
    }

    /// <summary>
    /// ptep_get(): the pte as the current task sees it, from the arch's cache when one holds it (s390), else from the
    /// page table.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <param name="mm">The address space (mm) number.</param>
    /// <param name="addr">The virtual address, in bytes.</param>
    public static Pte GetPte(Machine<TArch, TTask, TCpu> m, int mm, ulong addr)
    {
        var c = m.Context();
        return TArch.GetPte(ref c, mm, addr);
    }
}
