namespace LazyMmuGen.Runtime.Tests;

using static ArchCallback;

/// <summary>
/// GenericRevision.V2, the seed "[PATCH v2 2/7] mm: introduce local state for lazy_mmu sections" (Kevin
/// Brodsky, Sept 2025): enter() returns LAZY_MMU_NESTED when the mode is on, else LAZY_MMU_DEFAULT;
/// leave(state) always flushes and leaves only for DEFAULT; pause/resume are leave(DEFAULT) + enter().
/// Each step asserts the exact callbacks, then depth (EnableCount), the "mode off inside a section" mark
/// (PauseCount) and is_active, and where it matters the NESTED bits.
/// </summary>
public class V2RevisionTests
{
    private static readonly ArchCallback[] None = [];

    private static readonly MachineOptions V2 = MachineOptions.Default with { Revision = GenericRevision.V2 };

    private static MachineCore Arm64V2(MachineOptions? options = null) => Archs.Create(Arm64.ArchName, options ?? V2);

    [Fact]
    public void Seed_summary_trace_on_arm64_is_enter_none_leave_enter_flush_leave()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: the seed's summary trace.
        var m = Arm64V2();
        Archs.Step(m, x => x.Enable(), 1, 0, true, Enter);   // state0 = enter() = DEFAULT
        Assert.Equal(0UL, m.CurrentState.V2Nested);
        Archs.Step(m, x => x.Enable(), 2, 0, true, None);    // state1 = enter() = NESTED: no arch work
        Assert.Equal(0b10UL, m.CurrentState.V2Nested);
        Archs.Step(m, x => x.Pause(), 2, 1, false, Leave);   // leave(LAZY_MMU_DEFAULT)
        Archs.Step(m, x => x.Resume(), 2, 0, true, Enter);   // enter(), state discarded
        Archs.Step(m, x => x.Disable(), 1, 0, true, Flush);  // leave(NESTED): flush only
        Assert.Equal(0UL, m.CurrentState.V2Nested);
        Archs.Step(m, x => x.Disable(), 0, 0, false, Leave); // leave(DEFAULT)
        Assert.Equal(0, m.Warnings.Occurrences);
    }

    [Fact]
    public void Nested_pause_does_not_nest_the_first_resume_re_enters()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: enter() only asks whether the
        // mode is on, so the inner resume turns it back on while the outer pause is still open.
        var m = Arm64V2();
        Archs.Step(m, x => x.Enable(), 1, 0, true, Enter);
        Archs.Step(m, x => x.Pause(), 1, 1, false, Leave);
        Archs.Step(m, x => x.Pause(), 1, 1, false, None);    // the mode is already off
        Archs.Step(m, x => x.Resume(), 1, 0, true, Enter);   // re-enters under the outer pause
        Archs.Step(m, x => x.Resume(), 1, 0, true, None);    // the outer resume finds the mode on
        Archs.Step(m, x => x.Disable(), 0, 0, false, Leave);
        Assert.Equal(0, m.Warnings.Occurrences);
    }

    [Fact]
    public void Enable_while_paused_starts_a_fresh_default_section_with_its_own_enter()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: with the mode off enter()
        // returns LAZY_MMU_DEFAULT and enters; that section's leave(DEFAULT) turns the mode off again.
        var m = Arm64V2();
        Archs.Step(m, x => x.Enable(), 1, 0, true, Enter);
        Archs.Step(m, x => x.Pause(), 1, 1, false, Leave);
        Archs.Step(m, x => x.Enable(), 2, 0, true, Enter);   // fresh DEFAULT section
        Assert.Equal(0UL, m.CurrentState.V2Nested);
        Archs.Step(m, x => x.Disable(), 1, 1, false, Leave); // mode off, the outer section still open
        Archs.Step(m, x => x.Resume(), 1, 0, true, Enter);
        Archs.Step(m, x => x.Disable(), 0, 0, false, Leave);
        Assert.Equal(0, m.Warnings.Occurrences);
    }

    [Fact]
    public void Nested_leave_while_paused_flushes_and_the_default_leave_makes_no_second_leave()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: leave(NESTED) "will flush any
        // batched state unconditionally". The DEFAULT leave after a pause left the mode makes no call
        // (the model's choice: C would call leave a second time).
        var m = Arm64V2();
        m.Enable();
        m.Enable();
        Archs.Step(m, x => x.Pause(), 2, 1, false, Leave);
        Archs.Step(m, x => x.Disable(), 1, 1, false, Flush);
        Archs.Step(m, x => x.Disable(), 0, 0, false, None);
        Assert.Equal(0, m.Warnings.Occurrences);
    }

    [Fact]
    public void Pause_and_resume_outside_any_section_do_nothing()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: pause leaves only a mode that
        // is on, resume re-enters only inside a section.
        var m = Arm64V2();
        Archs.Step(m, x => x.Pause(), 0, 0, false, None);
        Archs.Step(m, x => x.Resume(), 0, 0, false, None);
        m.Enable();
        Archs.Step(m, x => x.Resume(), 1, 0, true, None);    // not paused: nothing, and no warning
        Assert.Equal(0, m.Warnings.Occurrences);
    }

    [Fact]
    public void Disable_underflow_warns_once_and_does_nothing_else()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: a leave with no enter has no
        // state to pass; the model warns (DisableUnderflow, once) and changes nothing.
        var m = Arm64V2();
        Archs.Step(m, x => x.Disable(), 0, 0, false, None);
        Assert.Equal([WarnOnceLog.Message(WarnSite.DisableUnderflow)], m.Warnings.Emitted);
        Assert.True(m.Warnings.HasFired(WarnSite.DisableUnderflow));
        Assert.Equal(1, m.Warnings.Occurrences);

        m.Warnings.ClearEmitted();
        m.Enable();
        m.Disable();
        Archs.Step(m, x => x.Disable(), 0, 0, false, None);
        Assert.Empty(m.Warnings.Emitted);                    // warn-once: the second underflow is quiet
        Assert.Equal(2, m.Warnings.Occurrences);
        Archs.Step(m, x => x.Enable(), 1, 0, true, Enter);   // and the machine is still usable
    }

    [Fact]
    public void Strict_policy_refuses_the_underflow_before_any_change()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: same site, strict policy.
        var m = Arm64V2(V2 with { Policy = MisusePolicy.Strict });
        var e = Assert.Throws<LazyMmuMisuseException>(() => m.Disable());
        Assert.Equal(WarnSite.DisableUnderflow, e.Site);
        Assert.Equal(0, m.CurrentState.EnableCount);
        Assert.Empty(m.Callbacks.Calls);
    }

    [Fact]
    public void Interrupt_context_is_a_no_op_inside_and_outside_a_section()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: like every revision, each
        // helper returns at once in interrupt context.
        var m = Arm64V2();
        m.IrqEnter();
        Archs.Step(m, x => x.Enable(), 0, 0, false, None);
        Archs.Step(m, x => x.Disable(), 0, 0, false, None);
        m.IrqExit();

        m.Enable();
        m.Enable();
        m.IrqEnter();
        Assert.False(m.IsActive);
        Assert.True(m.IsTaskActive(m.CurrentTaskId));
        Archs.Step(m, x => x.Enable(), 2, 0, false, None);
        Archs.Step(m, x => x.Pause(), 2, 0, false, None);
        Archs.Step(m, x => x.Resume(), 2, 0, false, None);
        Archs.Step(m, x => x.Disable(), 2, 0, false, None);
        Assert.Equal(0b10UL, m.CurrentState.V2Nested);
        m.IrqExit();
        Assert.True(m.IsActive);
        Assert.Equal(0, m.Warnings.Occurrences);
    }

    [Fact]
    public void X86_native_does_not_opt_in_and_v2_does_nothing()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: without
        // CONFIG_ARCH_HAS_LAZY_MMU_MODE the helpers are empty stubs under every revision.
        var m = X86Native.CreateMachine(V2);
        Archs.Step(m, x => x.Enable(), 0, 0, false, None);
        Archs.Step(m, x => x.Enable(), 0, 0, false, None);
        Archs.Step(m, x => x.Pause(), 0, 0, false, None);
        Archs.Step(m, x => x.Resume(), 0, 0, false, None);
        Archs.Step(m, x => x.Disable(), 0, 0, false, None);
        Archs.Step(m, x => x.Disable(), 0, 0, false, None);
        Archs.Step(m, x => x.Disable(), 0, 0, false, None);  // not even an underflow warning
        Assert.Equal(0UL, m.CurrentState.V2Nested);
        Assert.Equal(0, m.Warnings.Occurrences);
    }

    [Fact]
    public void Each_callback_has_the_preemption_point_of_the_other_revisions()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: the summary trace again, now
        // with the point that sits between the state update and each arch call.
        var m = Arm64V2();
        var sites = new List<(PreemptSite Site, int CallbacksSoFar)>();
        m.Scheduler = new Recorder(sites);
        m.Enable();
        m.Enable();
        m.Pause();
        m.Resume();
        m.Disable();
        m.Disable();
        Assert.Equal(
            [PreemptSite.EnableBeforeEnter, PreemptSite.PauseBeforeLeave, PreemptSite.ResumeBeforeEnter,
             PreemptSite.DisableBeforeFlush, PreemptSite.DisableBeforeLeave],
            sites.Select(s => s.Site));
        Assert.Equal([0, 1, 2, 3, 4], sites.Select(s => s.CallbacksSoFar));
    }

    [Fact]
    public void Ranged_enable_enters_with_the_range_only_when_the_mode_is_off()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: a nested enter does no arch work,
        // ranged or not.
        var m = Arm64V2();
        var range = new PteRange(1, 0x1000, 0x3000);
        Archs.Step(m, x => x.EnableWithRange(in range), 1, 0, true, Enter);
        Archs.Step(m, x => x.EnableWithRange(in range), 2, 0, true, None);
        Archs.Step(m, x => x.Disable(), 1, 0, true, Flush);
        Archs.Step(m, x => x.Disable(), 0, 0, false, Leave);
    }

    [Fact]
    public void Depth_is_capped_at_255_and_states_from_64_on_count_as_nested()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: C keeps the states in locals and
        // has no limit; the model's documented limits are a u8 depth and 64 tracked states.
        var m = Arm64V2();
        Archs.Step(m, x => x.Enable(), 1, 0, true, Enter);
        Archs.Repeat(m, x => x.Enable(), 99);
        Assert.Equal(100, m.CurrentState.EnableCount);
        Assert.Equal(ulong.MaxValue - 1, m.CurrentState.V2Nested); // 1..63 NESTED, 0 DEFAULT

        // A section opened while paused at depth 100 still enters (the mode is off) ...
        Archs.Step(m, x => x.Pause(), 100, 1, false, Leave);
        Archs.Step(m, x => x.Enable(), 101, 0, true, Enter);
        // ... but its state cannot be recorded as DEFAULT, so its disable only flushes.
        Archs.Step(m, x => x.Disable(), 100, 0, true, Flush);

        Archs.Repeat(m, x => x.Enable(), 155);
        Assert.Equal(255, m.CurrentState.EnableCount);
        Assert.Equal(0, m.Warnings.Occurrences);
        Archs.Step(m, x => x.Enable(), 255, 0, true, None);
        Assert.Equal([WarnOnceLog.Message(WarnSite.EnableOverflow)], m.Warnings.Emitted);

        Archs.Repeat(m, x => x.Disable(), 254);
        Assert.Equal(1, m.CurrentState.EnableCount);
        Assert.Equal(0UL, m.CurrentState.V2Nested);
        Archs.Step(m, x => x.Disable(), 0, 0, false, Leave);
    }

    private sealed class Recorder(List<(PreemptSite, int)> seen) : IPreemptionScheduler
    {
        public void AtPreemptionPoint(MachineCore machine, PreemptSite site) => seen.Add((site, machine.Callbacks.Calls.Count));
    }
}
