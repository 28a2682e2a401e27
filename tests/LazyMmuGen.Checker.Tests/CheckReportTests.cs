using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using LazyMmuGen.Arches;
using LazyMmuGen.Checker.Reporting;

namespace LazyMmuGen.Checker.Tests;

/// <summary>Issue 14: counterexamples as JSON (what `lazymmu check --format json` prints, one object per arch).</summary>
public sealed class CheckReportTests
{
    [Fact]
    public void The_strict_xen_race_is_a_json_counterexample_with_its_ops_length_reproduce_line_and_trace()
    {
        var arch = LazyMmuArchRegistry.Find("x86-xen-strict-enter")!;
        var options = new CheckOptions { Depth = 4 };
        var json = CheckReport.Json(arch, options, ModelChecker.Check(arch, options));

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("no arch BUG", root.GetProperty("property").GetString());
        Assert.Equal(["enable(preempt=2)"], root.GetProperty("ops").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(1, root.GetProperty("length").GetInt32());
        Assert.Equal("fails-as-expected", root.GetProperty("outcome").GetString());
        Assert.False(root.TryGetProperty("timing", out _));
        Assert.Equal(
            """{"arch":"x86-xen-strict-enter","revision":"final","outcome":"fails-as-expected","as_declared":true,"expected_violation":"no arch BUG","passed":false,"max_depth":4,"batch_capacity":{"hypercall-batch":31},"depth":1,"states":1,"transitions":21,"property":"no arch BUG","detail":"BUG: enter_lazy: CPU 0 is already in XEN_LAZY_MMU","counterexample":"enable(preempt=2)","ops":["enable(preempt=2)"],"length":1,"reproduce":"lazymmu trace --arch x86-xen-strict-enter --ops \"enable(preempt=2)\" --check","trace":[{"op":"enable(preempt=2)","callbacks":["enter","enter"],"enable_count":1,"pause_count":0,"active":true,"warnings":[],"pending":0,"effects":{"context_switch":2},"task":1,"cpu":0,"error":"BUG: enter_lazy: CPU 0 is already in XEN_LAZY_MMU"}]}""",
            json);
    }

    [Fact]
    public void A_longer_counterexample_lists_every_op_and_the_trace_replays_each()
    {
        // The seed's state-passing revision: s390's nested section paused inside loses the saved preemption state.
        var arch = LazyMmuArchRegistry.Find("s390")!;
        var options = new CheckOptions { Depth = 5, Revision = GenericRevision.V2 };
        var root = JsonDocument.Parse(CheckReport.Json(arch, options, ModelChecker.Check(arch, options), " s390.arch.yaml")).RootElement;

        Assert.Equal("fail", root.GetProperty("outcome").GetString());
        Assert.Equal("outermost leave restores preemption", root.GetProperty("property").GetString());
        Assert.Equal(["enable", "enable", "pause", "disable", "disable"], root.GetProperty("ops").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(5, root.GetProperty("length").GetInt32());
        Assert.Equal(5, root.GetProperty("depth").GetInt32());
        Assert.Equal("enable;enable;pause;disable;disable", root.GetProperty("counterexample").GetString());
        Assert.Equal("lazymmu trace --arch s390 --ops \"enable;enable;pause;disable;disable\" --check --revision v2 s390.arch.yaml", root.GetProperty("reproduce").GetString());
        var trace = root.GetProperty("trace").EnumerateArray().ToList();
        Assert.Equal(["enable", "enable", "pause", "disable", "disable"], trace.Select(r => r.GetProperty("op").GetString()));
        Assert.Equal([1, 2, 2, 1, 0], trace.Select(r => r.GetProperty("enable_count").GetInt32()));
        Assert.Equal(["enter"], trace[0].GetProperty("callbacks").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void A_pass_has_null_violation_fields_and_timing_only_when_given()
    {
        var arch = LazyMmuArchRegistry.Find("arm64")!;
        var options = new CheckOptions { Depth = 3 };
        var result = ModelChecker.Check(arch, options);
        var root = JsonDocument.Parse(CheckReport.Json(arch, options, result, timing: new CheckTiming(0.5, 300L << 20))).RootElement;

        Assert.Equal("pass", root.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.True, root.GetProperty("passed").ValueKind);
        foreach (var field in new[] { "property", "detail", "counterexample", "ops", "length", "reproduce", "trace", "expected_violation" })
            Assert.Equal(JsonValueKind.Null, root.GetProperty(field).ValueKind);
        var timing = root.GetProperty("timing");
        Assert.Equal(0.5, timing.GetProperty("seconds").GetDouble());
        Assert.Equal(result.States * 2, timing.GetProperty("states_per_second").GetInt64());
        Assert.Equal(300, timing.GetProperty("peak_memory_mb").GetInt64());
        Assert.Equal(["seconds", "states_per_second", "peak_memory_mb"], timing.EnumerateObject().Select(p => p.Name));
    }

    /// <summary>One thread and two give the same document, byte for byte, once the "timing" objects are taken out.</summary>
    [Theory]
    [InlineData("x86-xen-strict-enter", "final", 5)]
    [InlineData("arm64-kpkeys", "final", 5)]
    [InlineData("s390", "v2", 5)]
    [InlineData("s390-saved-range", "final", 5)]
    public void One_and_two_threads_give_identical_json_apart_from_timing(string name, string revision, int depth)
    {
        var arch = LazyMmuArchRegistry.Find(name)!;
        var rev = Enum.Parse<GenericRevision>(revision, ignoreCase: true);
        string Run(int threads)
        {
            var options = new CheckOptions { Depth = depth, Revision = rev, MaxThreads = threads };
            var clock = Stopwatch.StartNew();
            var result = ModelChecker.Check(arch, options);
            return CheckReport.Json(arch, options, result, timing: new CheckTiming(clock.Elapsed.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64));
        }
        static string WithoutTiming(string json)
        {
            var node = JsonNode.Parse(json)!.AsObject();
            Assert.True(node.Remove("timing"));
            return node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        var one = Run(1);
        var two = Run(2);
        Assert.Equal(WithoutTiming(one), WithoutTiming(two));
        // And that is exactly the document without timing.
        var options = new CheckOptions { Depth = depth, Revision = rev, MaxThreads = 2 };
        Assert.Equal(CheckReport.Json(arch, options, ModelChecker.Check(arch, options)), WithoutTiming(two));
    }
}
