namespace LazyMmuGen.Runtime;

/// <summary>
/// Before nesting support: no generic counters, every call goes straight to the arch, and the arch's
/// thread flag (EnableCount 0/1 here) is set by enter and cleared by ANY leave. A nested section is
/// tolerated, but the first inner leave ends batching for the rest of the outer section.
/// </summary>
public static class LazyMmuLegacy<TArch, TTask, TCpu>
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct
    where TCpu : struct
{
    public static void Enable(Machine<TArch, TTask, TCpu> m, in PteRange range, bool withRange)
    {
        if (m.InInterrupt) return;
        m.CurrentState.EnableCount = 1;
        if (withRange) ArchCalls<TArch, TTask, TCpu>.EnterWithRange(m, in range);
        else ArchCalls<TArch, TTask, TCpu>.Enter(m, PreemptSite.EnableBeforeEnter);
    }

    public static void Disable(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        m.CurrentState.EnableCount = 0;
        ArchCalls<TArch, TTask, TCpu>.Leave(m, PreemptSite.DisableBeforeLeave);
    }

    /// <summary>Callers bracketed a nested callback with arch_leave/arch_enter directly.</summary>
    public static void Pause(Machine<TArch, TTask, TCpu> m) => Disable(m);

    public static void Resume(Machine<TArch, TTask, TCpu> m) => Enable(m, default, withRange: false);
}
