using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LazyMmuGen.Benchmarks.Generator;
using LazyMmuGen.Benchmarks.HotPath;
using Perfolizer.Horology;

namespace LazyMmuGen.Benchmarks;

/// <summary>
/// <c>--quick</c>: every hot-path benchmark and the main generator ones in one process (no per-benchmark
/// build or process: that is what makes it fit in 2 minutes), with short iterations. The hot-path methods
/// are brought to tier 1 first (<see cref="Exercise.Warm"/>), so a short run does not time tier-0 code.
/// A group (arch, scenario) that breaks a gate in the BenchmarkDotNet run is checked again with a paired
/// measurement (<see cref="Confirm"/>): hand-written and generated timed in alternating short slices, so a
/// burst of load from another process hits both; the group fails only if the paired check fails too.
/// </summary>
public static class QuickRun
{
    private static readonly Dictionary<(string Arch, string Scenario), (string Text, bool Pass)> Confirmed = [];

    /// <summary>The groups that were checked again, with the paired result, for the report.</summary>
    public static IReadOnlyDictionary<(string Arch, string Scenario), (string Text, bool Pass)> Rechecked => Confirmed;

    /// <summary>The hot-path results (what the report prints).</summary>
    public static List<Report.Measurement> HotPath { get; private set; } = [];

    public static Job HotJob => Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(9)
        .WithIterationTime(TimeInterval.FromMilliseconds(50))
        .WithId("Quick");

    public static Job GeneratorJob => Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(1)
        .WithIterationCount(4)
        .WithId("Quick");

    public static List<Summary> Run(TextWriter output)
    {
        Exercise.Warm();
        var summaries = new List<Summary>();
        summaries.AddRange(BenchmarkRunner.Run(HotPathSuites.All.Select(s => s.Type).ToArray(), HotConfig()));
        HotPath = Report.HotPath(summaries);
        var failing = Report.Failing(HotPath);
        if (failing.Count > 0)
        {
            output.WriteLine($"// quick: paired re-check of {string.Join(", ", failing.Select(f => f.Arch + "/" + f.Scenario))}");
            var methods = Exercise.Methods().ToList();
            foreach (var group in failing)
            {
                Action Call(string impl) => methods.Single(m => m.Arch == group.Arch && m.Method == impl + "_" + group.Scenario).Call;
                var (ratio, allocated) = Confirm(Call(Impl.HandWritten), Call(Impl.Generated), Call(Impl.Virtual));
                var pass = ratio <= Report.MaxGeneratedRatio && allocated.All(a => a == 0);
                Confirmed[group] = ($"paired gen/hand {ratio.ToString("0.00", CultureInfo.InvariantCulture)}, " +
                                    $"thread-allocated {string.Join("/", allocated.Select(a => a.ToString("0.##", CultureInfo.InvariantCulture)))} B/op: " +
                                    (pass ? "pass" : "FAIL"), pass);
            }
        }
        var generatorConfig = ManualConfig.CreateMinimumViable().AddJob(GeneratorJob).AddDiagnoser(MemoryDiagnoser.Default);
        summaries.Add(BenchmarkRunner.Run<GeneratorScaleBenchmarks>(generatorConfig));
        summaries.Add(BenchmarkRunner.Run<GeneratorIncrementalBenchmarks>(generatorConfig));
        return summaries;
    }

    /// <summary>
    /// Paired A/B: 41 rounds, each timing a ~4 ms slice of hand-written and one of generated (alternating
    /// which goes first), then the median of the per-round ratios. Plus the bytes each implementation
    /// allocates per call on this thread over 10,000 calls (exact, unaffected by load).
    /// </summary>
    public static (double Ratio, double[] Allocated) Confirm(Action hand, Action generated, Action @virtual)
    {
        var allocated = new[] { hand, generated, @virtual }.Select(AllocatedPerCall).ToArray();
        var probe = Stopwatch.StartNew();
        var calls = 0;
        while (probe.Elapsed.TotalMilliseconds < 4) { hand(); calls++; }
        var ratios = new double[41];
        for (var round = 0; round < ratios.Length; round++)
        {
            var first = round % 2 == 0;
            var a = Time(first ? hand : generated, calls);
            var b = Time(first ? generated : hand, calls);
            ratios[round] = first ? b / a : a / b;
        }
        Array.Sort(ratios);
        return (ratios[ratios.Length / 2], allocated);
    }

    private static double Time(Action action, int calls)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++) action();
        return watch.Elapsed.TotalNanoseconds;
    }

    private static double AllocatedPerCall(Action action)
    {
        const int Calls = 10_000;
        for (var i = 0; i < 100; i++) action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++) action();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Calls;
    }

    private static ManualConfig HotConfig() =>
        ManualConfig.CreateMinimumViable().AddJob(HotJob).AddDiagnoser(MemoryDiagnoser.Default);
}
