using System.Diagnostics;
using Xunit.Abstractions;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>
/// samples/build-sample.sh from a clean state, given the packages and the tool that <see cref="PackedFeed"/> packed
/// with a unique version (LAZYMMU_FEED and LAZYMMU_VERSION, so the script does not pack them again): restores the
/// out-of-tree sample with an empty packages folder, builds it (warnings are errors) and runs it: the seed's
/// summary trace and the model checker at depth 4 on riscv-sfence (a descriptor over a built-in mechanism) and
/// riscv-svinval (a descriptor over the sample's own mechanism, with its own primitive and effect kinds); then the
/// installed tool builds the sample project and traces and checks riscv-svinval (issue 13, item 5).
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class SampleTests(PackedFeed packed, ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(9);

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
        // The packages of this run, packed once for every test that needs them; the script restores and installs from that feed.
        start.Environment["LAZYMMU_FEED"] = packed.Feed;
        start.Environment["LAZYMMU_VERSION"] = packed.Version;

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
        Assert.Contains("riscv-sfence summary trace: matches the summary trace of docs/contract.md §4", text, StringComparison.Ordinal);
        Assert.Contains("riscv-svinval summary trace: matches the summary trace of docs/contract.md §4", text, StringComparison.Ordinal);
        Assert.Contains("riscv-sfence model check: pass at depth 4", text);
        Assert.Contains("riscv-svinval model check: pass at depth 4", text);
        Assert.Contains("effect kinds: sfence_vma (svinval-batch), sfence_w_inval (svinval-batch), sinval_vma (svinval-batch), sfence_inval_ir (svinval-batch), sfence_vma_all (svinval-batch)", text);
        // Three writes of two mms in one section: one Svinval sequence at leave; outside, one sfence.vma.
        Assert.Contains("disable        leave           0     0     no       0  sfence_w_inval=1 sinval_vma=3 sfence_inval_ir=1 preempt_enable=1", text);
        Assert.Contains("RiscvSample: OK (riscv-sfence, riscv-svinval: summary traces match, model checks pass at depth 4)", text);
        // The installed tool, on the sample project: the same trace row, and the check.
        Assert.Contains("disable       | leave     | 0      | 0     | no     | 0       | sfence_w_inval=1 sinval_vma=3 sfence_inval_ir=1 preempt_enable=1 |", text);
        Assert.Contains("riscv-svinval | pass   | 4     | 1832   | 9009        | -        | -", text);
        Assert.Contains("build-sample: OK", text);
        Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : "...\n" + text[^6000..];
}
