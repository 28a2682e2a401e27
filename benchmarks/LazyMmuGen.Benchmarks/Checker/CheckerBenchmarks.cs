using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LazyMmuGen.Arches;
using LazyMmuGen.Checker;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Benchmarks.Checker;

/// <summary>
/// Model-checker throughput (issue 14): one full exploration per operation, per arch and depth. States per second =
/// the states printed at setup divided by the mean time (benchmarks/README.md, "Model checker throughput").
/// LAZYMMU_BENCH_DEPTHS (e.g. "6,8") narrows the depths; the default is 6, 8 and 10.
/// </summary>
// An exploration takes from milliseconds to seconds: no pilot stage, one warm-up and three measured explorations.
// The GC is the tool's (cli/LazyMmuGen.Cli.csproj): server, not concurrent.
[MemoryDiagnoser]
[GcServer(true), GcConcurrent(false)]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CheckerBenchmarks
{
    private ArchInfo arch = null!;

    [Params("arm64", "x86-xen")]
    public string Arch { get; set; } = "arm64";

    [ParamsSource(nameof(Depths))]
    public int Depth { get; set; } = 6;

    public static IEnumerable<int> Depths() =>
        Environment.GetEnvironmentVariable("LAZYMMU_BENCH_DEPTHS") is { Length: > 0 } depths
            ? depths.Split(',').Select(int.Parse)
            : [6, 8, 10];

    [GlobalSetup]
    public void Setup()
    {
        arch = LazyMmuArchRegistry.Find(Arch) ?? throw new InvalidOperationException($"no arch {Arch}");
        var result = Explore();
        Console.WriteLine($"// {Arch} depth {Depth}: {result.States} states, {result.Transitions} transitions per exploration");
    }

    [Benchmark]
    public CheckResult Explore() => ModelChecker.Check(arch, new CheckOptions { Depth = Depth });
}
