namespace LazyMmuGen.Runtime;

/// <summary>
/// The generic nesting layer, final revision (docs/contract.md §2): two u8 counters per task, interrupt
/// context is a no-op, warn-once then C-faithful wrap-around. Each method is a line-by-line model of
/// the kernel's lazy_mmu_mode_*() helpers, with a preemption point between counter and callback.
/// </summary>
/// <typeparam name="TArch">The arch whose callbacks the layer calls.</typeparam>
/// <typeparam name="TTask">The arch's per-task state.</typeparam>
/// <typeparam name="TCpu">The arch's per-CPU state.</typeparam>
public static class LazyMmu<TArch, TTask, TCpu>
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct
    where TCpu : struct
{
    /// <summary>
    /// include/linux/pgtable.h: lazy_mmu_mode_enable(). Returns at once in interrupt context or while paused;
    /// warns once if enable_count is 255 (then wraps to 0); enable_count++; the 0 to 1 step calls arch_enter.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">enable_count is 255 under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Enable(Machine<TArch, TTask, TCpu> m)
    {
        if (BeginEnable(m)) ArchCalls<TArch, TTask, TCpu>.Enter(m, PreemptSite.EnableBeforeEnter);
    }

    /// <summary>enable_with_ptes(): only the outermost enable hands the range to the arch.</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <param name="range">The range the caller is about to update.</param>
    /// <exception cref="LazyMmuMisuseException">enable_count is 255 under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void EnableWithRange(Machine<TArch, TTask, TCpu> m, in PteRange range)
    {
        if (BeginEnable(m)) ArchCalls<TArch, TTask, TCpu>.EnterWithRange(m, in range);
    }

    /// <summary>
    /// lazy_mmu_mode_disable(). Returns at once in interrupt context or while paused; warns once if enable_count is
    /// 0 (then wraps to 255); --enable_count; arch_leave when it reached 0, arch_flush otherwise.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">enable_count is 0 under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Disable(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.PauseCount > 0) return;
        if (s.EnableCount == 0) m.Warnings.Fire(WarnSite.DisableUnderflow);
        if (--s.EnableCount == 0) ArchCalls<TArch, TTask, TCpu>.Leave(m, PreemptSite.DisableBeforeLeave);
        else ArchCalls<TArch, TTask, TCpu>.Flush(m);
    }

    /// <summary>
    /// lazy_mmu_mode_pause(). Returns at once in interrupt context; warns once if pause_count is 255; the first
    /// pause (pause_count 0 to 1) inside a section calls arch_leave, or the arch's pause when it has one.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">pause_count is 255 under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Pause(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.PauseCount == byte.MaxValue) m.Warnings.Fire(WarnSite.PauseOverflow);
        if (s.PauseCount++ != 0 || s.EnableCount == 0) return;
        ArchCalls<TArch, TTask, TCpu>.Pause(m);
    }

    /// <summary>
    /// lazy_mmu_mode_resume(). Returns at once in interrupt context; warns once if pause_count is 0; the last
    /// resume (pause_count 1 to 0) inside a section calls arch_enter, or the arch's resume when it has one.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">pause_count is 0 under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Resume(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.PauseCount == 0) m.Warnings.Fire(WarnSite.ResumeUnderflow);
        if (--s.PauseCount != 0 || s.EnableCount == 0) return;
        ArchCalls<TArch, TTask, TCpu>.Resume(m);
    }

    /// <summary>is_lazy_mmu_mode_active(): false in interrupt context, else enable_count &gt; 0 and pause_count == 0.</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    public static bool IsActive(Machine<TArch, TTask, TCpu> m) => m.IsActive;

    /// <summary>__task_lazy_mmu_mode_active(task): the task-level test, regardless of the current context.</summary>
    /// <param name="m">The machine.</param>
    /// <param name="task">A task id.</param>
    public static bool IsActive(Machine<TArch, TTask, TCpu> m, int task) => m.IsTaskActive(task);

    /// <summary>Counts one <see cref="MachineEffects.PteWrite"/> and hands the update to the arch's SetPte in the current context.</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <param name="write">The update.</param>
    public static void SetPte(Machine<TArch, TTask, TCpu> m, in PteWrite write)
    {
        m.Effects.Add(MachineEffects.PteWrite);
        var c = m.Context();
        TArch.SetPte(ref c, in write);
    }

    /// <summary>The arch's GetPte in the current context: the pte as the current task sees it.</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <param name="mm">The address space (mm) number.</param>
    /// <param name="addr">The virtual address, in bytes.</param>
    public static Pte GetPte(Machine<TArch, TTask, TCpu> m, int mm, ulong addr)
    {
        var c = m.Context();
        return TArch.GetPte(ref c, mm, addr);
    }

    private static bool BeginEnable(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return false;
        ref var s = ref m.CurrentState;
        if (s.PauseCount > 0) return false;
        if (s.EnableCount == byte.MaxValue) m.Warnings.Fire(WarnSite.EnableOverflow);
        return s.EnableCount++ == 0;
    }
}
