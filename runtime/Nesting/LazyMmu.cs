namespace LazyMmuGen.Runtime;

/// <summary>
/// The generic nesting layer, final revision (docs/contract.md §2): two u8 counters per task, interrupt
/// context is a no-op, warn-once then C-faithful wrap-around. Each method is a line-by-line model of
/// the kernel's lazy_mmu_mode_*() helpers, with a preemption point between counter and callback.
/// </summary>
public static class LazyMmu<TArch, TTask, TCpu>
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct
    where TCpu : struct
{
    public static void Enable(Machine<TArch, TTask, TCpu> m)
    {
        if (BeginEnable(m)) ArchCalls<TArch, TTask, TCpu>.Enter(m, PreemptSite.EnableBeforeEnter);
    }

    /// <summary>enable_with_ptes(): only the outermost enable hands the range to the arch.</summary>
    public static void EnableWithRange(Machine<TArch, TTask, TCpu> m, in PteRange range)
    {
        if (BeginEnable(m)) ArchCalls<TArch, TTask, TCpu>.EnterWithRange(m, in range);
    }

    public static void Disable(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.PauseCount > 0) return;
        if (s.EnableCount == 0) m.Warnings.Fire(WarnSite.DisableUnderflow);
        if (--s.EnableCount == 0) ArchCalls<TArch, TTask, TCpu>.Leave(m, PreemptSite.DisableBeforeLeave);
        else ArchCalls<TArch, TTask, TCpu>.Flush(m);
    }

    public static void Pause(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.PauseCount == byte.MaxValue) m.Warnings.Fire(WarnSite.PauseOverflow);
        if (s.PauseCount++ != 0 || s.EnableCount == 0) return;
        ArchCalls<TArch, TTask, TCpu>.Pause(m);
    }

    public static void Resume(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.PauseCount == 0) m.Warnings.Fire(WarnSite.ResumeUnderflow);
        if (--s.PauseCount != 0 || s.EnableCount == 0) return;
        ArchCalls<TArch, TTask, TCpu>.Resume(m);
    }

    public static bool IsActive(Machine<TArch, TTask, TCpu> m) => m.IsActive;

    public static bool IsActive(Machine<TArch, TTask, TCpu> m, int task) => m.IsTaskActive(task);

    public static void SetPte(Machine<TArch, TTask, TCpu> m, in PteWrite write)
    {
        m.Effects.Add(Effect.PteWrite);
        var c = m.Context();
        TArch.SetPte(ref c, in write);
    }

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
