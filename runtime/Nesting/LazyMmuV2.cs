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
/// <para>A struct only so <see cref="Machine{TArch,TTask,TCpu}"/> can pass it as a type argument; never instantiated.</para>
/// </summary>
/// <typeparam name="TArch">The arch whose callbacks the layer calls.</typeparam>
/// <typeparam name="TTask">The arch's per-task state.</typeparam>
/// <typeparam name="TCpu">The arch's per-CPU state.</typeparam>
public readonly struct LazyMmuV2<TArch, TTask, TCpu> : IGenericLayer<TArch, TTask, TCpu>
    where TArch : struct, ILazyMmuArch<TArch, TTask, TCpu>
    where TTask : struct, IArchState<TTask>
    where TCpu : struct, IArchState<TCpu>
{
    /// <summary>Sections whose returned state fits in <see cref="LazyMmuState.V2Nested"/>; deeper ones count as NESTED.</summary>
    public const int TrackedDepth = 64;

    /// <summary>lazy_mmu_state_t, include/linux/mm_types.h in "[PATCH v2 2/7] mm: introduce local state for lazy_mmu sections".</summary>
    private enum SectionState
    {
        /// <summary>LAZY_MMU_DEFAULT (0): this enter turned the mode on, so its leave turns it off.</summary>
        Default = 0,

        /// <summary>LAZY_MMU_NESTED (1): the mode was already on, so its leave only flushes.</summary>
        Nested = 1,
    }

    /// <summary>
    /// <c>lazy_mmu_state_t state = arch_enter_lazy_mmu_mode();</c> as the v2 callers write it: the arch returns
    /// LAZY_MMU_NESTED with no arch work when the mode is already on (arm64's
    /// <c>test_and_set_thread_flag(TIF_LAZY_MMU)</c> in "[PATCH v2 3/7] arm64: mm: fully support nested lazy_mmu
    /// sections"), else LAZY_MMU_DEFAULT, and enters. Nothing in interrupt context; 255 open sections warn and are
    /// otherwise ignored (model choice 1).
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">255 sections are open, under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Enable(Machine<TArch, TTask, TCpu> m)
    {
        if (BeginEnable(m)) ArchCalls<TArch, TTask, TCpu>.Enter(m, PreemptSite.EnableBeforeEnter);
    }

    /// <summary>
    /// v2 with the s390 proposal's range: <see cref="Enable"/>, but a DEFAULT enter hands the range to
    /// arch_enter_lazy_mmu_mode_with_ptes().
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <param name="range">The mm and the address range [start, end) the caller is about to update.</param>
    /// <exception cref="LazyMmuMisuseException">255 sections are open, under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void EnableWithRange(Machine<TArch, TTask, TCpu> m, in PteRange range)
    {
        if (BeginEnable(m)) ArchCalls<TArch, TTask, TCpu>.EnterWithRange(m, in range);
    }

    /// <summary>
    /// <c>arch_leave_lazy_mmu_mode(state)</c> with the state the matching enable kept: it "will flush any batched state
    /// unconditionally, but only leave the lazy MMU mode if the passed state is not LAZY_MMU_NESTED"
    /// (include/linux/pgtable.h in "[PATCH v2 2/7] ..."). A DEFAULT leave while a pause already left the mode makes no
    /// arch call (model choice 3). Nothing in interrupt context; with no open section it warns and does nothing else
    /// (model choice 4).
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    /// <exception cref="LazyMmuMisuseException">No section is open, under <see cref="MisusePolicy.Strict"/>.</exception>
    public static void Disable(Machine<TArch, TTask, TCpu> m)
    {
        ref var state = ref m.CurrentState;
        if (m.InInterrupt) return;
        if (state.EnableCount == 0)
        {
            m.Warnings.Fire(WarnSite.DisableUnderflow);
            return;
        }
        if (PopSection(ref state) == SectionState.Nested)
        {
            ArchCalls<TArch, TTask, TCpu>.Flush(m);
            return;
        }
        var modeWasOn = state.PauseCount == 0;
        state.PauseCount = state.EnableCount > 0 ? (byte)1 : (byte)0;
        if (modeWasOn) ArchCalls<TArch, TTask, TCpu>.Leave(m, PreemptSite.DisableBeforeLeave);
    }

    /// <summary>
    /// What v2 code does to complete its updates at once (arch/x86/xen/mmu_pv.c: xen_flush_lazy_mmu(),
    /// mm/kasan/shadow.c: kasan_populate_vmalloc_pte()): when the mode is on,
    /// <c>arch_leave_lazy_mmu_mode(LAZY_MMU_DEFAULT)</c>. Nothing when the mode is off or in interrupt context.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    public static void Pause(Machine<TArch, TTask, TCpu> m)
    {
        ref var state = ref m.CurrentState;
        if (m.InInterrupt) return;
        if (state.IsActive)
        {
            state.PauseCount = 1;
            ArchCalls<TArch, TTask, TCpu>.Pause(m);
        }
    }

    /// <summary>
    /// The <c>arch_enter_lazy_mmu_mode()</c> that follows, its result discarded: when a section is open and the mode is
    /// off, turns it back on. Resumes do not nest: the first one re-enters. Nothing otherwise or in interrupt context.
    /// </summary>
    /// <param name="m">The machine; the call is made by its current task on its current CPU.</param>
    public static void Resume(Machine<TArch, TTask, TCpu> m)
    {
        ref var state = ref m.CurrentState;
        if (m.InInterrupt) return;
        if (state.EnableCount > 0 && state.PauseCount > 0)
        {
            state.PauseCount = 0;
            ArchCalls<TArch, TTask, TCpu>.Resume(m);
        }
    }

    /// <summary>The model's half of enable: pushes the section's state; true when it is DEFAULT, which must enter.</summary>
    private static bool BeginEnable(Machine<TArch, TTask, TCpu> m)
    {
        ref var state = ref m.CurrentState;
        if (m.InInterrupt) return false;
        if (state.EnableCount == byte.MaxValue)
        {
            m.Warnings.Fire(WarnSite.EnableOverflow);
            return false;
        }
        if (PushSection(ref state) == SectionState.Nested) return false;
        state.PauseCount = 0;
        return true;
    }

    /// <summary>Keeps the state arch_enter_lazy_mmu_mode() returns, as the caller's local would: NESTED when the mode is on.</summary>
    private static SectionState PushSection(ref LazyMmuState state)
    {
        var returned = state.IsActive ? SectionState.Nested : SectionState.Default;
        int section = state.EnableCount++;
        if (returned == SectionState.Nested && section < TrackedDepth) state.V2Nested |= 1UL << section;
        return returned;
    }

    /// <summary>Takes back the state the innermost open section's enter returned; past <see cref="TrackedDepth"/>, NESTED.</summary>
    private static SectionState PopSection(ref LazyMmuState state)
    {
        int section = --state.EnableCount;
        if (section >= TrackedDepth) return SectionState.Nested;
        var returned = (state.V2Nested & (1UL << section)) != 0 ? SectionState.Nested : SectionState.Default;
        state.V2Nested &= ~(1UL << section);
        return returned;
    }
}
