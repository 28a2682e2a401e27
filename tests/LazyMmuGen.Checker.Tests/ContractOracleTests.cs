using LazyMmuGen.Checker.Oracle;
using static LazyMmuGen.Checker.Oracle.OracleCallback;

namespace LazyMmuGen.Checker.Tests;

/// <summary>The oracle alone against the rows of the docs/contract.md §2 table, final revision.</summary>
public class ContractOracleTests
{
    private const int Task = 1;

    private static ContractOracle Final(bool distinct = false) => new(GenericRevision.Final, distinct);

    /// <summary>Applies ops in task context and returns the last op's callbacks.</summary>
    private static List<OracleCallback> Run(ContractOracle oracle, params string[] ops)
    {
        List<OracleCallback> last = [];
        foreach (var op in ops) last = oracle.Apply(op, Task, inInterrupt: false).Callbacks;
        return last;
    }

    [Theory]
    [InlineData("enable")]
    [InlineData("disable")]
    [InlineData("pause")]
    [InlineData("resume")]
    public void In_interrupt_context_every_call_has_no_effect(string op)
    {
        var oracle = Final();
        Run(oracle, "enable");
        var fingerprint = oracle.Fingerprint();
        var (callbacks, warnings) = oracle.Apply(op, Task, inInterrupt: true);
        Assert.Empty(callbacks);
        Assert.Empty(warnings);
        Assert.Equal(fingerprint, oracle.Fingerprint());
        Assert.False(oracle.IsActive(Task, inInterrupt: true));
        Assert.True(oracle.IsActive(Task, inInterrupt: false));
    }

    [Fact]
    public void Enable_enters_only_from_zero()
    {
        var oracle = Final();
        Assert.Equal([Enter], Run(oracle, "enable"));
        Assert.Equal((1, 0), oracle.Counters(Task));
        Assert.Empty(Run(oracle, "enable"));
        Assert.Equal((2, 0), oracle.Counters(Task));
        Assert.True(oracle.IsActive(Task, inInterrupt: false));
    }

    [Fact]
    public void Enable_and_disable_while_paused_have_no_effect()
    {
        var oracle = Final();
        Run(oracle, "enable", "pause");
        Assert.Equal((1, 1), oracle.Counters(Task));
        Assert.Empty(Run(oracle, "enable"));
        Assert.Empty(Run(oracle, "disable"));
        Assert.Equal((1, 1), oracle.Counters(Task));
        Assert.False(oracle.IsActive(Task, inInterrupt: false));
    }

    [Fact]
    public void Enable_at_255_warns_once_and_wraps_to_zero_without_entering()
    {
        var oracle = Final();
        for (var i = 0; i < 255; i++) Run(oracle, "enable");
        Assert.Equal((255, 0), oracle.Counters(Task));
        var (callbacks, warnings) = oracle.Apply("enable", Task, inInterrupt: false);
        Assert.Empty(callbacks);
        Assert.Equal(["enable-overflow"], warnings);
        Assert.Equal((0, 0), oracle.Counters(Task));
    }

    [Fact]
    public void Disable_flushes_when_nested_and_leaves_at_the_outermost()
    {
        var oracle = Final();
        Run(oracle, "enable", "enable");
        Assert.Equal([Flush], Run(oracle, "disable"));
        Assert.Equal((1, 0), oracle.Counters(Task));
        Assert.Equal([Leave], Run(oracle, "disable"));
        Assert.Equal((0, 0), oracle.Counters(Task));
        Assert.False(oracle.IsActive(Task, inInterrupt: false));
    }

    [Fact]
    public void Double_disable_warns_once_wraps_to_255_and_flushes()
    {
        var oracle = Final();
        Run(oracle, "enable");
        Assert.Equal([Leave], Run(oracle, "disable"));

        var (callbacks, warnings) = oracle.Apply("disable", Task, inInterrupt: false);
        Assert.Equal([Flush], callbacks);
        Assert.Equal(["disable-underflow"], warnings);
        Assert.Equal((255, 0), oracle.Counters(Task));
        Assert.True(oracle.IsActive(Task, inInterrupt: false));

        // Warn-once per site per machine: another task underflowing does not warn again, and still flushes.
        var (again, quiet) = oracle.Apply("disable", 2, inInterrupt: false);
        Assert.Equal([Flush], again);
        Assert.Empty(quiet);
        Assert.Equal((255, 0), oracle.Counters(2));
    }

    [Fact]
    public void Pause_leaves_only_the_first_time_and_only_inside_a_section()
    {
        var outside = Final();
        Assert.Empty(Run(outside, "pause"));
        Assert.Equal((0, 1), outside.Counters(Task));

        var oracle = Final();
        Run(oracle, "enable", "enable");
        Assert.Equal([Leave], Run(oracle, "pause"));
        Assert.Empty(Run(oracle, "pause"));
        Assert.Equal((2, 2), oracle.Counters(Task));
        Assert.False(oracle.IsActive(Task, inInterrupt: false));
    }

    [Fact]
    public void Resume_enters_when_the_last_pause_ends_inside_a_section()
    {
        var oracle = Final();
        Run(oracle, "enable", "pause", "pause");
        Assert.Empty(Run(oracle, "resume"));
        Assert.Equal((1, 1), oracle.Counters(Task));
        Assert.Equal([Enter], Run(oracle, "resume"));
        Assert.Equal((1, 0), oracle.Counters(Task));
        Assert.True(oracle.IsActive(Task, inInterrupt: false));

        var outside = Final();
        Run(outside, "pause");
        Assert.Empty(Run(outside, "resume"));
        Assert.Equal((0, 0), outside.Counters(Task));
    }

    [Fact]
    public void Distinct_pause_and_resume_callbacks_replace_leave_and_enter()
    {
        var oracle = Final(distinct: true);
        Run(oracle, "enable");
        Assert.Equal([Pause], Run(oracle, "pause"));
        Assert.Equal([Resume], Run(oracle, "resume"));
        Assert.Equal([Leave], Run(oracle, "disable"));
    }

    [Fact]
    public void Pause_at_255_warns_and_wraps_to_zero()
    {
        var oracle = Final();
        for (var i = 0; i < 255; i++) Run(oracle, "pause");
        var (callbacks, warnings) = oracle.Apply("pause", Task, inInterrupt: false);
        Assert.Empty(callbacks);
        Assert.Equal(["pause-overflow"], warnings);
        Assert.Equal((0, 0), oracle.Counters(Task));
    }

    [Fact]
    public void Resume_without_pause_warns_once_and_calls_nothing()
    {
        var oracle = Final();
        Run(oracle, "enable");
        var (callbacks, warnings) = oracle.Apply("resume", Task, inInterrupt: false);
        Assert.Empty(callbacks);
        Assert.Equal(["resume-underflow"], warnings);
        // pause_count wrapped to 255: the task is now paused, so its section is inactive.
        Assert.Equal((1, 255), oracle.Counters(Task));
        Assert.False(oracle.IsActive(Task, inInterrupt: false));

        var (again, quiet) = oracle.Apply("resume", 2, inInterrupt: false);
        Assert.Empty(again);
        Assert.Empty(quiet);
    }

    [Fact]
    public void The_seed_summary_trace()
    {
        var oracle = Final();
        Assert.Equal([Enter], Run(oracle, "enable"));
        Assert.Empty(Run(oracle, "enable"));
        Assert.Equal([Leave], Run(oracle, "pause"));
        Assert.Equal((2, 1), oracle.Counters(Task));
        Assert.Equal([Enter], Run(oracle, "resume"));
        Assert.Equal([Flush], Run(oracle, "disable"));
        Assert.True(oracle.IsActive(Task, inInterrupt: false));
        Assert.Equal([Leave], Run(oracle, "disable"));
        Assert.Equal((0, 0), oracle.Counters(Task));
        Assert.False(oracle.IsActive(Task, inInterrupt: false));
    }

    [Fact]
    public void Tasks_have_their_own_counters()
    {
        var oracle = Final();
        Run(oracle, "enable");
        Assert.Equal([Enter], oracle.Apply("enable", 2, inInterrupt: false).Callbacks);
        Assert.Equal((1, 0), oracle.Counters(Task));
        Assert.Equal((1, 0), oracle.Counters(2));
        Assert.Equal((0, 0), oracle.Counters(3));
    }
}
