namespace LazyMmuGen.Runtime;

/// <summary>
/// Seed v3 of the generic layer, kept for differential checking: {count, enabled} per task, stored in
/// <see cref="LazyMmuState"/> as EnableCount = count and PauseCount = 1 while paused (enabled == false).
/// Enable while paused only warns; pause/resume do not nest.
/// </summary>
public static class LazyMmuV3<TArch, TTask, TCpu>
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct
    where TCpu : struct
{
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

    public static void Pause(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.EnableCount == 0) return;
        if (s.PauseCount != 0) m.Warnings.Fire(WarnSite.V3NestedPause);
        s.PauseCount = 1;
        ArchCalls<TArch, TTask, TCpu>.Leave(m, PreemptSite.PauseBeforeLeave);
    }

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
