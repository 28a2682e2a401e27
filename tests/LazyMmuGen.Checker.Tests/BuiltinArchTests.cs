using LazyMmuGen.Arches;

namespace LazyMmuGen.Checker.Tests;

/// <summary>The generated arches of arches/ under the model checker (SEMANTICS.md §5).</summary>
public class BuiltinArchTests
{
    /// <summary>Depth 4 explores 1.3k–2.8k distinct states per arch (well under a second each on 2 cores).</summary>
    private const int Depth = 4;

    /// <summary>Xen before the 2026 fix: strict enter_lazy/leave_lazy, kept on purpose to show the race.</summary>
    private const string BuggyXen = "x86-xen-2025";

    public static TheoryData<string> Correct
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var arch in LazyMmuArchRegistry.All.Where(a => a.Name != BuggyXen)) data.Add(arch.Name);
            return data;
        }
    }

    [Fact]
    public void The_registry_holds_seven_correct_arches_and_the_buggy_xen()
    {
        Assert.Equal(8, LazyMmuArchRegistry.All.Count);
        Assert.NotNull(LazyMmuArchRegistry.Find(BuggyXen));
        Assert.Equal(7, LazyMmuArchRegistry.All.Count(a => a.Name != BuggyXen));
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
}
