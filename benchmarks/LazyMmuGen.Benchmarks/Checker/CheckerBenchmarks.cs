using BenchmarkDotNet.Attributes;
using LazyMmuGen.Arches;
using LazyMmuGen.Checker;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Benchmarks.Checker;

/// <summary>
/// Model-checker throughput: one full exploration per operation. States per second = the States column
/// printed at setup divided by the mean time. Depth 6 keeps a run in seconds; the README's depth-8
/// figure comes from `lazymmu check --depth 8` on the same explorer.
/// </summary>
// An exploration takes seconds: a few iterations are enough, and keep the suite's run time sane.
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CheckerBenchmarks
{
    private ArchInfo arch = null!;

    [Params("arm64", "x86-xen")]
    public string Arch { get; set; } = "arm64";

    [GlobalSetup]
    public void Setup()
    {
        arch = LazyMmuArchRegistry.Find(Arch) ?? throw new InvalidOperationException($"no arch {Arch}");
        var result = Explore();
        Console.WriteLine($"// {Arch}: {result.States} states, {result.Transitions} transitions per exploration");
    }

    [Benchmark]
    public CheckResult Explore() => ModelChecker.Check(arch, new CheckOptions { Depth = 6 });
}
