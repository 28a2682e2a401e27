using System.Diagnostics;
using Xunit.Abstractions;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>
/// samples/build-sample.sh from a clean state: packs the three packages with a unique version, restores the
/// out-of-tree sample with an empty packages folder, builds it (warnings are errors) and runs it: the seed's
/// summary trace and the model checker at depth 4 on riscv-sfence, an arch that exists only as a descriptor.
/// </summary>
public sealed class SampleTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Fact]
    public void OutOfTreeSampleBuildsFromThePackagesAndPasses()
    {
        var log = Path.Combine(Directory.CreateTempSubdirectory("lazymmu-sample-test-").FullName, "build-sample.log");
        var start = new ProcessStartInfo("bash")
        {
            // Output goes to a file, not to pipes this test would have to drain (build servers may outlive the script).
            ArgumentList = { "-c", "exec bash \"$0\" > \"$1\" 2>&1", RepoRoot.Combine("samples", "build-sample.sh"), log },
            WorkingDirectory = RepoRoot.Folder,
            UseShellExecute = false,
        };
        // This test runs inside `dotnet test`: keep the outer build's MSBuild settings out of the script's builds.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var finished = process.WaitForExit(Limit);
        if (!finished) process.Kill(entireProcessTree: true);
        var text = File.Exists(log) ? File.ReadAllText(log) : "";
        output.WriteLine($"build-sample.sh: exit {(finished ? process.ExitCode : -1)} after {watch.Elapsed.TotalSeconds:F0} s");
        output.WriteLine(text);

        Assert.True(finished, $"build-sample.sh did not finish within {Limit.TotalMinutes} minutes:\n{Tail(text)}");
        Assert.True(process.ExitCode == 0, $"build-sample.sh exited with {process.ExitCode}:\n{Tail(text)}");
        Assert.Contains("template override in use: 1 fragment(s) in RiscvSfence.g.cs", text);
        Assert.Contains("summary trace: matches the summary trace of docs/contract.md §4", text, StringComparison.Ordinal);
        Assert.Contains("model check: pass at depth 4", text);
        Assert.Contains("RiscvSample: OK (riscv-sfence: summary trace matches, model check passes at depth 4)", text);
        Assert.Contains("build-sample: OK", text);
        Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : "...\n" + text[^6000..];
}
