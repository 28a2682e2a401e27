using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using LazyMmuGen.Benchmarks.HotPath;

namespace LazyMmuGen.Benchmarks;

/// <summary>
/// Calls the hot-path benchmark methods outside BenchmarkDotNet. <see cref="Warm"/> brings every one of
/// them to tier 1 (with dynamic PGO) before a short in-process run, so a quick run does not measure tier-0
/// or OSR code. <see cref="Run"/> is for reading the JIT's own disassembly: run it under
/// <c>DOTNET_JitDisasm=NAME DOTNET_JitStdOutFile=FILE</c>.
/// </summary>
public static class Exercise
{
    /// <summary>Every benchmark method as a delegate on its own, set-up instance.</summary>
    public static IEnumerable<(string Arch, string Method, Action Call)> Methods(string? filter = null)
    {
        foreach (var (type, arch) in HotPathSuites.All)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            {
                if (filter is not null && !(arch + "." + method.Name).Contains(filter, StringComparison.OrdinalIgnoreCase)) continue;
                var instance = Activator.CreateInstance(type)!;
                var setup = method.Name.EndsWith(Scenario.PauseResume, StringComparison.Ordinal) ? "SetupInSection" : "Setup";
                type.GetMethod(setup)!.Invoke(instance, null);
                yield return (arch, method.Name, method.CreateDelegate<Action>(instance));
            }
        }
    }

    /// <summary>
    /// A few passes over every method with pauses between them: tiered compilation promotes a method
    /// only after 100 ms without new tier-0 work, then after 30 calls (twice with PGO instrumentation).
    /// </summary>
    public static void Warm(int passes = 6, int callsPerPass = 2_000)
    {
        var methods = Methods().ToList();
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var (_, _, call) in methods)
            {
                for (var i = 0; i < callsPerPass; i++) call();
            }
            Thread.Sleep(150);
        }
    }

    /// <summary>Times each method in five interleaved rounds and prints the fastest (a rough figure; BenchmarkDotNet's are the real ones).</summary>
    public static void Run(string? filter, TextWriter output)
    {
        var methods = Methods(filter).ToList();
        Warm();
        var best = methods.Select(_ => double.MaxValue).ToArray();
        for (var round = 0; round < 5; round++)
        {
            for (var m = 0; m < methods.Count; m++)
            {
                var call = methods[m].Call;
                for (var i = 0; i < 10_000; i++) call(); // spin up after the previous method
                const int Calls = 100_000;
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < Calls; i++) call();
                best[m] = Math.Min(best[m], watch.Elapsed.TotalNanoseconds / Calls);
            }
        }
        for (var m = 0; m < methods.Count; m++)
            output.WriteLine($"{methods[m].Arch,-13} {methods[m].Method,-26} {best[m],10:0.00} ns/call (best of 5)");
    }
}
