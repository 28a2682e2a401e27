namespace LazyMmuGen.Runtime;

/// <summary>
/// Before nesting support: no generic counters, every call goes straight to the arch, and the arch's
/// thread flag (EnableCount 0/1 here) is set by enter and cleared by ANY leave. A nested section is
/// tolerated, but the first inner leave ends batching for the rest of the outer section.
/// </summary>
/// <typeparam name="TArch">The arch whose callbacks the layer calls.</typeparam>
/// <typeparam name="TTask">The arch's per-task state.</typeparam>
/// <typeparam name="TCpu">The arch's per-CPU state.</typeparam>
public static class LazyMmuLegacy<TArch, TTask, TCpu>
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct
    where TCpu : struct
{
    /// <summary>arch_enter_lazy_mmu_mode() directly: sets the flag (EnableCount = 1) and enters, even when already entered.</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <param name="range">The range for the arch's enter-with-range, when <paramref name="withRange"/> is set.</param>
    /// <param name="withRange">True for enable_with_ptes(), false for a plain enable.</param>
    public static void Enable(Machine<TArch, TTask, TCpu> m, in PteRange range, bool withRange)
    {
        if (m.InInterrupt) return;
        m.CurrentState.EnableCount = 1;
        if (withRange) ArchCalls<TArch, TTask, TCpu>.EnterWithRange(m, in range);
        else ArchCalls<TArch, TTask, TCpu>.Enter(m, PreemptSite.EnableBeforeEnter);
    }

    /// <summary>arch_leave_lazy_mmu_mode() directly: clears the flag and leaves, whatever the nesting.</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    public static void Disable(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        m.CurrentState.EnableCount = 0;
        ArchCalls<TArch, TTask, TCpu>.Leave(m, PreemptSite.DisableBeforeLeave);
    }

    /// <summary>Callers bracketed a nested callback with arch_leave/arch_enter directly.</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>

    public static void Pause(Machine<TArch, TTask, TCpu> m) => Disable(m);

    /// <summary>The arch_enter_lazy_mmu_mode() that ends such a bracket.</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    public static void Resume(Machine<TArch, TTask, TCpu> m) => Enable(m, default, withRange: false);
}
