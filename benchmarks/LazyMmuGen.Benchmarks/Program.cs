using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using LazyMmuGen.Benchmarks;

// dotnet run -c Release --project benchmarks/LazyMmuGen.Benchmarks -- --quick
//   smoke run (< 2 min): every hot-path benchmark and the main generator ones, in-process, few iterations;
//   prints the ratios and exits 1 when generated/hand-written > 1.10 or a hot-path benchmark allocates.
// dotnet run -c Release --project benchmarks/LazyMmuGen.Benchmarks [-- BenchmarkDotNet options]
//   the full suites with BenchmarkDotNet's default job (--filter '*' unless a filter is given), then the same report.
// -- --exercise [FILTER]   times the hot-path methods outside BenchmarkDotNet (for DOTNET_JitDisasm)
// -- --jit-compare FILE    compares generated and hand-written tier-1 code in a DOTNET_JitStdOutFile
// -- --generator-phases    where a full generator run's time and allocations go

if (args.Contains("--generator-phases"))
{
    Phases.Run(Console.Out);
    return 0;
}

if (args.Contains("--exercise"))
{
    // For the JIT's own disassembly (DOTNET_JitDisasm=NAME, DOTNET_JitStdOutFile=FILE): runs every hot-path
    // benchmark method long enough to reach tier 1 with dynamic PGO, without BenchmarkDotNet around it.
    Exercise.Run(args.SkipWhile(a => a != "--exercise").Skip(1).FirstOrDefault(), Console.Out);
    return 0;
}

if (args.Contains("--jit-compare"))
{
    return JitCompare.Run(args.SkipWhile(a => a != "--jit-compare").Skip(1).First(), Console.Out);
}

if (args.Contains("--quick"))
{
    var watch = Stopwatch.StartNew();
    var summaries = QuickRun.Run(Console.Out);
    var ok = Report.Print(QuickRun.HotPath, summaries, Console.Out, QuickRun.Rechecked, requireAll: true);
    Console.WriteLine($"quick run: {watch.Elapsed.TotalSeconds:0} s");
    return ok && summaries.All(s => !s.HasCriticalValidationErrors) ? 0 : 1;
}

// --nopgo: the same benchmarks with dynamic PGO off (DOTNET_TieredPGO=0, out of process only), to show
// what guarded devirtualization does for the virtual plugin.
var noPgo = args.Contains("--nopgo");
var rest = args.Where(a => a != "--nopgo").ToArray();
var forwarded = rest.Any(a => a.StartsWith("--filter", StringComparison.Ordinal) || a == "-f") ? rest : [.. rest, "--filter", "*"];
IConfig config = noPgo
    ? DefaultConfig.Instance.AddJob(Job.Default.WithEnvironmentVariable("DOTNET_TieredPGO", "0").WithId("NoPGO"))
    : DefaultConfig.Instance;
var full = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(forwarded, config).ToList();
if (full.Count == 0 || full.Any(s => s.HasCriticalValidationErrors)) return 1;
return Report.Print(full, Console.Out) ? 0 : 1;

