namespace LazyMmuGen.Runtime;

/// <summary>
/// Seed v3 of the generic layer, kept for differential checking: {count, enabled} per task, stored in
/// <see cref="LazyMmuState"/> as EnableCount = count and PauseCount = 1 while paused (enabled == false).
/// Enable while paused only warns; pause/resume do not nest.
/// </summary>
/// <typeparam name="TArch">The arch whose callbacks the layer calls.</typeparam>
/// <typeparam name="TTask">The arch's per-task state.</typeparam>
/// <typeparam name="TCpu">The arch's per-CPU state.</typeparam>
public static class LazyMmuV3<TArch, TTask, TCpu>
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct
    where TCpu : struct
{
    /// <summary>
    /// v3 enable: warns (and goes on) when called while paused; count++; the outermost call clears the paused mark
    /// and calls arch_enter.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <param name="range">The range for the arch's enter-with-range, when <paramref name="withRange"/> is set.</param>
    /// <param name="withRange">True for enable_with_ptes(), false for a plain enable.</param>
    /// <exception cref="LazyMmuMisuseException">A misuse under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Enable(Machine<TArch, TTask, TCpu> m, in PteRange range, bool withRange)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.PauseCount != 0) m.Warnings.Fire(WarnSite.V3EnableWhilePaused);
        if (s.EnableCount == byte.MaxValue) m.Warnings.Fire(WarnSite.EnableOverflow);
        if (s.EnableCount++ != 0) return;
        s.PauseCount = 0;
        if (withRange) ArchCalls<TArch, TTask, TCpu>.EnterWithRange(m, in range);
        else ArchCalls<TArch, TTask, TCpu>.Enter(m, PreemptSite.EnableBeforeEnter);
    }

    /// <summary>v3 disable: --count; arch_leave (clearing the paused mark) at 0, arch_flush otherwise. Not ignored while paused.</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">count is 0 under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Disable(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.EnableCount == 0) m.Warnings.Fire(WarnSite.DisableUnderflow);
        if (--s.EnableCount == 0)
        {
            s.PauseCount = 0;
            ArchCalls<TArch, TTask, TCpu>.Leave(m, PreemptSite.DisableBeforeLeave);
        }
        else
        {
            ArchCalls<TArch, TTask, TCpu>.Flush(m);
        }
    }

    /// <summary>v3 pause inside a section: enabled = false and arch_leave; a second pause warns and leaves again (no nesting).</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">Already paused, under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Pause(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.EnableCount == 0) return;
        if (s.PauseCount != 0) m.Warnings.Fire(WarnSite.V3NestedPause);
        s.PauseCount = 1;
        ArchCalls<TArch, TTask, TCpu>.Leave(m, PreemptSite.PauseBeforeLeave);
    }

    /// <summary>v3 resume inside a section: arch_enter and enabled = true; a resume without a pause warns and enters anyway.</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">Not paused, under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Resume(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.EnableCount == 0) return;
        if (s.PauseCount == 0) m.Warnings.Fire(WarnSite.V3ResumeWithoutPause);
        s.PauseCount = 0;
        ArchCalls<TArch, TTask, TCpu>.Enter(m, PreemptSite.ResumeBeforeEnter);
    }
}
