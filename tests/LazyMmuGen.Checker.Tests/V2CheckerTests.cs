using LazyMmuGen.Arches;
using LazyMmuGen.Checker.Diff;
using LazyMmuGen.Checker.Oracle;
using static LazyMmuGen.Checker.Oracle.OracleCallback;

namespace LazyMmuGen.Checker.Tests;

/// <summary>
/// GenericRevision.V2, the seed "[PATCH v2 2/7] mm: introduce local state for lazy_mmu sections" (Kevin
/// Brodsky, Sept 2025): the oracle's independent v2 model alone, the oracle against the runtime, and the
/// model checker and revision differ over v2.
/// </summary>
public class V2CheckerTests
{
    private const int Task = 1;

    private static readonly ArchInfo Arm64 = LazyMmuArchRegistry.Find("arm64")!;

    private static ContractOracle Oracle(bool distinct = false) => new(GenericRevision.V2, distinct);

    /// <summary>Applies one op in task context: its callbacks, then the counters it leaves and is_active.</summary>
    private static void Step(ContractOracle oracle, string op, int enable, int pause, bool active, params OracleCallback[] calls)
    {
        var (callbacks, _) = oracle.Apply(op, Task, inInterrupt: false);
        Assert.Equal(calls, callbacks);
        Assert.Equal((enable, pause), oracle.Counters(Task));
        Assert.Equal(active, oracle.IsActive(Task, inInterrupt: false));
    }

    [Fact]
    public void Oracle_reproduces_the_seed_summary_trace()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: enter; none; leave; enter; flush; leave.
        var o = Oracle();
        Step(o, "enable", 1, 0, true, Enter);
        Step(o, "enable", 2, 0, true);
        Assert.Equal(0b10UL, o.V2NestedMask(Task));
        Step(o, "pause", 2, 1, false, Leave);
        Step(o, "resume", 2, 0, true, Enter);
        Step(o, "disable", 1, 0, true, Flush);
        Step(o, "disable", 0, 0, false, Leave);
        Assert.Equal(0UL, o.V2NestedMask(Task));
    }

    [Fact]
    public void Oracle_nested_pause_re_enters_at_the_first_resume_and_enable_while_paused_enters()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: pause/resume do not nest, and an
        // enter with the mode off returns LAZY_MMU_DEFAULT.
        var o = Oracle();
        Step(o, "enable", 1, 0, true, Enter);
        Step(o, "pause", 1, 1, false, Leave);
        Step(o, "pause", 1, 1, false);
        Step(o, "resume", 1, 0, true, Enter);
        Step(o, "resume", 1, 0, true);
        Step(o, "pause", 1, 1, false, Leave);
        Step(o, "enable", 2, 0, true, Enter);
        Assert.Equal(0UL, o.V2NestedMask(Task));
        Step(o, "disable", 1, 1, false, Leave);
        Step(o, "resume", 1, 0, true, Enter);
        Step(o, "disable", 0, 0, false, Leave);
    }

    [Fact]
    public void Oracle_uses_distinct_pause_and_resume_when_the_arch_has_them()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: pause = leave(DEFAULT), resume =
        // enter(); an arch with its own callbacks gets them, as under the final revision.
        var o = Oracle(distinct: true);
        Step(o, "enable", 1, 0, true, Enter);
        Step(o, "pause", 1, 1, false, Pause);
        Step(o, "resume", 1, 0, true, Resume);
        Step(o, "disable", 0, 0, false, Leave);
    }

    [Fact]
    public void Oracle_underflow_warns_once_and_interrupt_context_changes_nothing()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: a leave without a state warns
        // (disable-underflow, once); in interrupt context nothing happens.
        var o = Oracle();
        Assert.Equal(["disable-underflow"], o.Apply("disable", Task, inInterrupt: false).NewWarnings);
        Assert.Empty(o.Apply("disable", Task, inInterrupt: false).NewWarnings);
        Assert.Equal((0, 0), o.Counters(Task));

        Step(o, "enable", 1, 0, true, Enter);
        var fingerprint = o.Fingerprint();
        foreach (var op in new[] { "enable", "disable", "pause", "resume" })
        {
            var (calls, warnings) = o.Apply(op, Task, inInterrupt: true);
            Assert.Empty(calls);
            Assert.Empty(warnings);
        }
        Assert.Equal(fingerprint, o.Fingerprint());
        Assert.False(o.IsActive(Task, inInterrupt: true));
    }

    [Fact]
    public void Oracle_fingerprint_and_clone_keep_the_stack_of_states()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: "enable;pause;enable" (DEFAULT,
        // DEFAULT) and "enable;enable" (DEFAULT, NESTED) have equal counters but differ at the next disable.
        var a = Oracle();
        foreach (var op in new[] { "enable", "pause", "enable" }) a.Apply(op, Task, false);
        var b = Oracle();
        foreach (var op in new[] { "enable", "enable" }) b.Apply(op, Task, false);
        Assert.Equal(a.Counters(Task), b.Counters(Task));
        Assert.NotEqual(a.Fingerprint(), b.Fingerprint());

        var copy = a.Clone();
        Assert.Equal(a.Fingerprint(), copy.Fingerprint());
        Assert.Equal([Leave], copy.Apply("disable", Task, false).Callbacks);
        Assert.Equal([Flush], b.Apply("disable", Task, false).Callbacks);
        Assert.NotEqual(a.Fingerprint(), copy.Fingerprint());
        Assert.Equal((2, 0), a.Counters(Task));
    }

    [Fact]
    public void Oracle_agrees_with_the_runtime_on_a_long_random_walk_past_64_and_255_states()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: beyond the checker's depth, the
        // runtime's encoding (u8 depth, 64 NESTED bits, documented caps) against the oracle's plain stack.
        var machine = Arm64.CreateMachine(MachineOptions.Default with { Revision = GenericRevision.V2 });
        var oracle = Oracle();
        var random = new Random(2025);
        var ops = new[] { "enable", "disable", "pause", "resume" };
        var maxDepth = 0;
        for (var i = 0; i < 6000; i++)
        {
            // Drift up for 2000 ops (reaching the 255 cap), then down, so both limits and underflow are hit.
            var weights = i < 2000 ? new[] { 50, 20, 15, 15 } : new[] { 20, 50, 15, 15 };
            var pick = random.Next(100);
            var k = 0;
            while (pick >= weights[k]) pick -= weights[k++];
            var op = ops[k];

            machine.Callbacks.Clear();
            switch (op)
            {
                case "enable": machine.Enable(); break;
                case "disable": machine.Disable(); break;
                case "pause": machine.Pause(); break;
                default: machine.Resume(); break;
            }
            var (expected, _) = oracle.Apply(op, Task, inInterrupt: false);
            var where = $"op {i} ({op})";
            Assert.True(expected.SequenceEqual(machine.Callbacks.FromApi.Select(c => (OracleCallback)(int)c)), where);
            var state = machine.StateOf(Task);
            Assert.True(oracle.Counters(Task) == (state.EnableCount, state.PauseCount), $"{where}: {oracle.Counters(Task)} vs {state.EnableCount},{state.PauseCount}");
            Assert.True(oracle.V2NestedMask(Task) == state.V2Nested, where);
            Assert.True(oracle.IsActive(Task, false) == machine.IsActive, where);
            maxDepth = Math.Max(maxDepth, state.EnableCount);
        }
        Assert.Equal(255, maxDepth);
        Assert.True(machine.Warnings.HasFired(WarnSite.EnableOverflow));
        Assert.True(machine.Warnings.HasFired(WarnSite.DisableUnderflow));
    }

    [Fact]
    public void Arm64_passes_the_model_checker_under_v2()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: runtime and oracle agree on every
        // sequence of the default alphabet up to depth 4, and every guarantee holds.
        var result = ModelChecker.Check(Arm64, new CheckOptions { Depth = 4, Revision = GenericRevision.V2 });
        Assert.True(result.Passed, $"{result.Violation?.Property}: {result.Violation?.Detail} after {result.Violation?.Script}");
        Assert.Equal(4, result.Depth);
        Assert.True(result.States > 100, $"only {result.States} states explored");
    }

    [Fact]
    public void X86_native_passes_under_v2_with_every_helper_a_stub()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: an arch that does not opt in has
        // the kernel's empty stubs under every revision.
        var arch = LazyMmuArchRegistry.Find("x86-native")!;
        Assert.False(arch.HasLazyMmuMode);
        var result = ModelChecker.Check(arch, new CheckOptions { Depth = 4, Revision = GenericRevision.V2 });
        Assert.True(result.Passed, $"{result.Violation?.Property}: {result.Violation?.Detail} after {result.Violation?.Script}");
    }

    [Fact]
    public void S390_under_v2_leaks_a_pin_when_a_nested_leave_flushes_after_a_pause()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: leave(NESTED) "will flush any
        // batched state unconditionally", also after a pause's leave(DEFAULT) turned the mode off. s390's
        // flush is "write back, then re-pin the CPU with the saved range" (preempt_disable), so it enters a
        // mode v2 considers off, and nothing unpins it. Under the final revision that disable is ignored.
        var s390 = LazyMmuArchRegistry.Find("s390")!;
        var result = ModelChecker.Check(s390, new CheckOptions { Depth = 5, Revision = GenericRevision.V2 });
        var violation = Assert.IsType<Violation>(result.Violation);
        Assert.Equal("outermost leave restores preemption", violation.Property);
        Assert.Equal(["enable", "enable", "pause", "disable", "disable"], violation.Ops);
        Assert.Equal("preempt_count 0 before enter, 1 after leave", violation.Detail);

        Assert.True(ModelChecker.Check(s390, new CheckOptions { Depth = 5 }).Passed);

        var rows = new TraceRunner(s390.CreateMachine(MachineOptions.Default with { Revision = GenericRevision.V2 }))
            .Run(OpScript.Parse(violation.Script)).ToList();
        Assert.Equal([ArchCallback.Flush], rows[3].Callbacks);
        Assert.False(rows[3].Active);
        Assert.Empty(rows[4].Callbacks);
    }

    [Fact]
    public void V2_does_not_differ_from_itself()
    {
        // [PATCH v2 2/7] mm: introduce local state for lazy_mmu sections: the differ's state key includes
        // the NESTED bits, so equal revisions stay equal.
        Assert.Empty(RevisionDiffer.Diff(Arm64, GenericRevision.V2, GenericRevision.V2, 4));
    }
}
