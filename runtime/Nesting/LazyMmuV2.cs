namespace LazyMmuGen.Runtime;

/// <summary>
/// Seed v2 of the generic layer, "[PATCH v2 2/7] mm: introduce local state for lazy_mmu sections"
/// (Kevin Brodsky, Sept 2025), kept for differential checking. C has no generic counter here:
/// arch_enter_lazy_mmu_mode() returns an arch-defined lazy_mmu_state_t, LAZY_MMU_NESTED (1) when the
/// mode is already on and LAZY_MMU_DEFAULT (0) otherwise; the caller keeps it in a local variable and
/// hands it to arch_leave_lazy_mmu_mode(state), which "will flush any batched state unconditionally,
/// but only leave the lazy MMU mode if the passed state is not LAZY_MMU_NESTED" (include/linux/pgtable.h).
/// Pause/resume are what xen_flush_lazy_mmu() and kasan_(de)populate_vmalloc_pte() do:
/// arch_leave_lazy_mmu_mode(LAZY_MMU_DEFAULT), then arch_enter_lazy_mmu_mode() with its result discarded.
/// <para>
/// The model keeps the callers' locals of one task as a stack in <see cref="LazyMmuState"/>, so the final
/// revision's state and hot path stay as they are: EnableCount is the depth (sections not yet disabled)
/// and bit i of V2Nested says that section i's enter() returned NESTED. The arch's "mode on" flag is
/// depth &gt; 0 with PauseCount == 0, so <see cref="LazyMmuState.IsActive"/> keeps its shape: PauseCount = 1
/// marks the mode off while sections are open. A pause sets it, and so does the leave(DEFAULT) of a
/// section opened while paused, because C's mode is then off in both cases and the next enter()
/// turns it back on. Because enter() only asks whether the mode is on, pause/resume do not nest: the
/// first resume re-enters while an outer pause is still open. An enable while paused starts a fresh
/// DEFAULT section with its own arch enter, and that section's disable leaves the mode again.
/// </para>
/// <para>
/// The arch's per-task state struct stands for the value enter() returns. Under v2 only a DEFAULT enter
/// (the outermost one, or a fresh section opened while paused) and its leave touch it: a nested enter
/// makes no arch call and a nested leave only flushes. One simplification: after a leave(DEFAULT) and
/// enter() pair, C throws away the state the re-entry returns, while the model keeps the per-task state
/// that re-entry wrote.
/// </para>
/// <para>
/// These are the model's choices where C has nothing to mirror:
/// (1) C's stack of locals has no depth limit. The depth is a u8, capped like the final revision's
/// counters: at 255 open sections an enable fires EnableOverflow and is otherwise ignored. It does not
/// wrap, because wrapping would drop 255 saved states.
/// (2) Only 64 states fit in V2Nested, so a section at depth 64 or deeper counts as NESTED. Its enable
/// still does what enter() does (it enters if the mode is off), but its disable only flushes.
/// (3) A disable whose state is DEFAULT while the mode is already off (a pause left it) makes no arch
/// call and only updates the mark. C would call leave a second time, and no arch tolerates that
/// (a strict Xen leave_lazy() BUGs).
/// (4) A disable with no open section fires DisableUnderflow and does nothing else: there is no
/// counter to wrap, and C would pass an uninitialised state.
/// </para>
/// </summary>
/// <typeparam name="TArch">The arch whose callbacks the layer calls.</typeparam>
/// <typeparam name="TTask">The arch's per-task state.</typeparam>
/// <typeparam name="TCpu">The arch's per-CPU state.</typeparam>
public static class LazyMmuV2<TArch, TTask, TCpu>
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct
    where TCpu : struct
{
    /// <summary>Sections whose returned state fits in <see cref="LazyMmuState.V2Nested"/>; deeper ones count as NESTED.</summary>
    public const int TrackedDepth = 64;

    /// <summary>state = arch_enter_lazy_mmu_mode(): NESTED with no arch work when the mode is on, else DEFAULT and enter.</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <param name="range">The range for the arch's enter-with-range, when <paramref name="withRange"/> is set.</param>
    /// <param name="withRange">True for enable_with_ptes(), false for a plain enable.</param>
    /// <exception cref="LazyMmuMisuseException">255 sections are open, under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Enable(Machine<TArch, TTask, TCpu> m, in PteRange range, bool withRange)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.EnableCount == byte.MaxValue)
        {
            m.Warnings.Fire(WarnSite.EnableOverflow);
            return;
        }
        var modeOn = s.IsActive;
        int index = s.EnableCount++;
        if (modeOn)
        {
            if (index < TrackedDepth) s.V2Nested |= 1UL << index;
            return;
        }
        s.PauseCount = 0;
        if (withRange) ArchCalls<TArch, TTask, TCpu>.EnterWithRange(m, in range);
        else ArchCalls<TArch, TTask, TCpu>.Enter(m, PreemptSite.EnableBeforeEnter);
    }

    /// <summary>arch_leave_lazy_mmu_mode(state): always flush; leave only for DEFAULT (and only if the mode is on).</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">No section is open, under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Disable(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.EnableCount == 0)
        {
            m.Warnings.Fire(WarnSite.DisableUnderflow);
            return;
        }
        int index = --s.EnableCount;
        var nested = index >= TrackedDepth || (s.V2Nested & (1UL << index)) != 0;
        if (index < TrackedDepth) s.V2Nested &= ~(1UL << index);
        if (nested)
        {
            ArchCalls<TArch, TTask, TCpu>.Flush(m);
            return;
        }
        var modeOn = s.PauseCount == 0;
        s.PauseCount = s.EnableCount > 0 ? (byte)1 : (byte)0;
        if (modeOn) ArchCalls<TArch, TTask, TCpu>.Leave(m, PreemptSite.DisableBeforeLeave);
    }

    /// <summary>arch_leave_lazy_mmu_mode(LAZY_MMU_DEFAULT) while the mode is on; nothing when it is off.</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>

    public static void Pause(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (!s.IsActive) return;
        s.PauseCount = 1;
        ArchCalls<TArch, TTask, TCpu>.Pause(m);
    }

    /// <summary>arch_enter_lazy_mmu_mode() when the mode is off inside a section; nothing otherwise.</summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>

    public static void Resume(Machine<TArch, TTask, TCpu> m)
    {
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.EnableCount == 0 || s.PauseCount == 0) return;
        s.PauseCount = 0;
        ArchCalls<TArch, TTask, TCpu>.Resume(m);
    }
}
