using LazyMmuGen.Arches;

namespace LazyMmuGen.Checker.Tests;

/// <summary>The generated arches of arches/ under the model checker (docs/contract.md §7).</summary>
public class BuiltinArchTests
{
    /// <summary>Depth 4 explores 1.3k–2.8k distinct states per arch (well under a second each on 2 cores).</summary>
    private const int Depth = 4;

    /// <summary>Xen with strict enter_lazy/leave_lazy (before "x86/xen: Tolerate nested XEN_LAZY_MMU entering/leaving"), kept on purpose to show the race.</summary>
    private const string BuggyXen = "x86-xen-strict-enter";

    public static TheoryData<string> Correct
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var arch in LazyMmuArchRegistry.All.Where(a => a.ExpectedViolation is null)) data.Add(arch.Name);
            return data;
        }
    }

    [Fact]
    public void Only_the_strict_xen_declares_an_expected_violation()
    {
        Assert.Equal([BuggyXen], LazyMmuArchRegistry.All.Where(a => a.ExpectedViolation is not null).Select(a => a.Name));
        Assert.Equal("no arch BUG", LazyMmuArchRegistry.Find(BuggyXen)!.ExpectedViolation!.Property);
    }

    [Theory]
    [MemberData(nameof(Correct))]
    public void Every_correct_arch_passes(string name)
    {
        var arch = LazyMmuArchRegistry.Find(name)!;
        var result = ModelChecker.Check(arch, new CheckOptions { Depth = Depth });
        Assert.True(result.Passed, $"{name}: {result.Violation?.Property}: {result.Violation?.Detail} after {result.Violation?.Script}");
        Assert.Equal(name, result.Arch);
        Assert.Equal(Depth, result.Depth);
        Assert.True(result.States > 100, $"only {result.States} states explored");
    }

    [Fact]
    public void The_pre_2026_xen_race_is_found_with_a_one_op_counterexample_that_replays()
    {
        var arch = LazyMmuArchRegistry.Find(BuggyXen)!;
        var result = ModelChecker.Check(arch, new CheckOptions { Depth = Depth });

        var violation = Assert.IsType<Violation>(result.Violation);
        Assert.Equal("no arch BUG", violation.Property);
        // Preempted between enable_count++ and arch_enter: the switch-in hook enters for the task, then
        // the task's own arch_enter enters again and the strict enter_lazy BUGs.
        Assert.Equal(["enable(preempt=2)"], violation.Ops);
        Assert.Single(violation.Ops);
        Assert.Equal(1, result.Depth);
        Assert.StartsWith("BUG", violation.Detail, StringComparison.Ordinal);

        // The counterexample is a script `lazymmu trace` accepts, and it reproduces the BUG.
        var runner = new TraceRunner(arch.CreateMachine(MachineOptions.Default));
        var rows = runner.Run(OpScript.Parse(violation.Script)).ToList();
        Assert.Contains(rows, r => r.Error?.StartsWith("BUG", StringComparison.Ordinal) == true);
        Assert.Equal(violation.Detail, rows.Single(r => r.Error is not null).Error);
    }

    [Fact]
    public void The_tolerant_xen_passes_at_the_same_depth()
    {
        var result = ModelChecker.Check(LazyMmuArchRegistry.Find("x86-xen")!, new CheckOptions { Depth = Depth });
        Assert.True(result.Passed, result.Violation?.Property + ": " + result.Violation?.Script);

        // And the racy script itself is harmless there.
        var runner = new TraceRunner(LazyMmuArchRegistry.Find("x86-xen")!.CreateMachine(MachineOptions.Default));
        Assert.All(runner.Run(OpScript.Parse("enable(preempt=2)")), r => Assert.Null(r.Error));
    }

    [Fact]
    public void Sparc64_interrupt_flushing_the_batch_early_keeps_every_guarantee()
    {
        // arch/sparc/mm/tlb.c: tlb_batch_add_one() flushes the batch on another mm before it checks the mode,
        // so an interrupt may flush a task's batch early; the checker allows that and only forbids extending it.
        IReadOnlyList<string> ops = ["enable", "disable", "set_pte(kind=user,addr=0x2000)", "set_pte(kind=user,mm=2,addr=0x1000)", "irq_enter", "irq_exit"];
        var arch = LazyMmuArchRegistry.Find("sparc64")!;
        var result = ModelChecker.Check(arch, new CheckOptions { Depth = 7, Alphabet = ops });
        Assert.True(result.Passed, $"{result.Violation?.Property}: {result.Violation?.Detail} after {result.Violation?.Script}");

        var m = arch.CreateMachine(MachineOptions.Default);
        var rows = new TraceRunner(m).Run(OpScript.Parse(
            "set_pte(kind=user,addr=0x2000);set_pte(kind=user,mm=2,addr=0x1000);enable;set_pte(kind=user,addr=0x2000);irq_enter;set_pte(kind=user,mm=2,addr=0x1000)")).ToList();
        Assert.Equal(1, rows[3].Pending);
        Assert.Equal(0, rows[5].Pending);
        Assert.Equal(2, rows[5].Effects["tlb_flush"]); // the task's batch, then the interrupt's own page
    }
}
