using System.Runtime.CompilerServices;

namespace LazyMmuGen.Runtime;

/// <summary>
/// The one way every revision of the generic layer reaches the arch: preemption point, record the
/// callback, build the context on whatever CPU the task now runs on, call. Inlined, so the final
/// revision's hot path compiles to the same code as when this was written out in each method.
/// </summary>
internal static class ArchCalls<TArch, TTask, TCpu>
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct, IArchState<TTask>
    where TCpu : struct, IArchState<TCpu>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter(Machine<TArch, TTask, TCpu> m, PreemptSite site)
    {
        m.PreemptionPoint(site);
        m.Callbacks.Record(ArchCallback.Enter);
        var c = m.Context();
        TArch.Enter(ref c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EnterWithRange(Machine<TArch, TTask, TCpu> m, in PteRange range)
    {
        m.PreemptionPoint(PreemptSite.EnableBeforeEnter);
        m.Callbacks.Record(ArchCallback.Enter);
        var c = m.Context();
        TArch.EnterWithRange(ref c, in range);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Leave(Machine<TArch, TTask, TCpu> m, PreemptSite site)
    {
        m.PreemptionPoint(site);
        m.Callbacks.Record(ArchCallback.Leave);
        var c = m.Context();
        TArch.Leave(ref c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Flush(Machine<TArch, TTask, TCpu> m)
    {
        m.PreemptionPoint(PreemptSite.DisableBeforeFlush);
        m.Callbacks.Record(ArchCallback.Flush);
        var c = m.Context();
        TArch.Flush(ref c);
    }

    /// <summary>The arch's pause callback, or its leave when it has no distinct one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pause(Machine<TArch, TTask, TCpu> m)
    {
        if (!TArch.HasDistinctPauseResume)
        {
            Leave(m, PreemptSite.PauseBeforeLeave);
            return;
        }
        m.PreemptionPoint(PreemptSite.PauseBeforeLeave);
        m.Callbacks.Record(ArchCallback.Pause);
        var c = m.Context();
        TArch.Pause(ref c);
    }

    /// <summary>The arch's resume callback, or its enter when it has no distinct one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Resume(Machine<TArch, TTask, TCpu> m)
    {
        if (!TArch.HasDistinctPauseResume)
        {
            Enter(m, PreemptSite.ResumeBeforeEnter);
            return;
        }
        m.PreemptionPoint(PreemptSite.ResumeBeforeEnter);
        m.Callbacks.Record(ArchCallback.Resume);
        var c = m.Context();
        TArch.Resume(ref c);
    }
}
