using System.Diagnostics;
using LazyMmuGen.Cli.Accept;
using LazyMmuGen.Cli.Commands;
using Xunit.Abstractions;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>
/// The `dotnet new lazymmu-arch` template as a new user gets it: the generator, runtime, checker, testing and
/// template packages packed with a unique version into a temporary feed (<see cref="PackedFeed"/>, shared with the
/// other package tests), the template installed into a template hive of the test's own (the machine's is
/// untouched), a new project made with --feed, and `dotnet test` in it with an empty packages folder: it passes
/// out of the box, fails with a diff once the descriptor changes the generated code, and passes again after
/// LAZYMMU_ACCEPT=1.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class TemplateTests(PackedFeed packed, ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Fact]
    public void The_shipped_snapshot_is_what_the_generator_makes_of_the_template()
    {
        var stale = AcceptCommand.Stale(RepoRoot.Folder, TemplateSnapshots.All(RepoRoot.Folder).ToList());
        Assert.True(stale.Count == 0,
            $"The template's snapshot is stale: {string.Join(", ", stale.Select(s => s.Artifact.RelativePath))}. " +
            $"The generator's output for {TemplateSnapshots.Content}/{TemplateSnapshots.SourceName}/*.arch.yaml changed; run `{AcceptCommand.Hint}` and review the diff.");
        Assert.Single(Directory.GetFiles(RepoRoot.Combine(TemplateSnapshots.SnapshotFolder), "*.verified.cs"));
    }

    [Fact]
    public void The_template_asks_for_the_test_packages_this_repository_uses()
    {
        var ours = File.ReadAllText(RepoRoot.Combine("Directory.Packages.props"));
        var template = File.ReadAllText(RepoRoot.Combine(TemplateSnapshots.Content, "Directory.Packages.props"));
        foreach (var id in new[] { "Microsoft.NET.Test.Sdk", "xunit", "xunit.runner.visualstudio" })
            Assert.Equal(VersionOf(ours, id), VersionOf(template, id));
    }

    [Fact]
    public void A_new_project_passes_its_tests_and_its_snapshot_catches_a_descriptor_change()
    {
        var work = Directory.CreateTempSubdirectory("lazymmu-template-test-").FullName;
        var watch = Stopwatch.StartNew();
        // The generator, runtime, checker, testing and template packages, packed once for the run.
        var version = packed.Version;
        var feed = packed.Feed;
        var hive = Path.Combine(work, "hive");
        var project = Path.Combine(work, "RiscvKit");
        var packages = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work, "packages") };
        output.WriteLine($"the packed feed: LazyMmuGen {version} in {feed} (packed in {packed.PackTime.TotalSeconds:F0} s, before this test)");
        Dotnet(work, ["new", "install", Path.Combine(feed, $"LazyMmuGen.Templates.{version}.nupkg"), "--debug:custom-hive", hive]);
        Dotnet(work, ["new", "lazymmu-arch", "-o", project, "--feed", feed, "--debug:custom-hive", hive]);
        // A dashed name: files were named as given and contents in its namespace form, so the solution pointed at
        // my_kit/my_kit.csproj beside my-kit/my-kit.csproj (found by an outside-the-repository review).
        var dashed = Path.Combine(work, "my-kit");
        Dotnet(work, ["new", "lazymmu-arch", "-o", dashed, "--feed", feed, "--debug:custom-hive", hive]);
        var solution = File.ReadAllText(Path.Combine(dashed, "my_kit.slnx"));
        var referenced = System.Text.RegularExpressions.Regex.Matches(solution, "Path=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["my_kit/my_kit.csproj", "my_kit.Tests/my_kit.Tests.csproj"], referenced);
        Assert.All(referenced, path => Assert.True(File.Exists(Path.Combine(dashed, path)), path + " does not exist"));
        Assert.Contains("<ProjectReference Include=\"../my_kit/my_kit.csproj\" />", File.ReadAllText(Path.Combine(dashed, "my_kit.Tests", "my_kit.Tests.csproj")));
        Step(watch, "install and new");
        Assert.Contains($"Version=\"[$(LazyMmuGenVersion)]\"", File.ReadAllText(Path.Combine(project, "Directory.Packages.props")));
        Assert.Contains($"<LazyMmuGenVersion>{version}</LazyMmuGenVersion>", File.ReadAllText(Path.Combine(project, "Directory.Packages.props")));
        Assert.Contains($"\"version\": \"{version}\"", File.ReadAllText(Path.Combine(project, ".config", "dotnet-tools.json")));
        Assert.Contains("namespace RiscvKit", File.ReadAllText(Path.Combine(project, "RiscvKit.Tests", "Snapshots", "SnapshotTests.GeneratedSource_RiscvSfence.verified.cs")));

        var first = Dotnet(project, ["test"], packages);
        Step(watch, "dotnet test");
        Assert.Contains("Passed!  - Failed:     0, Passed:     4", first);

        var descriptor = Path.Combine(project, "RiscvKit", "riscv-sfence.arch.yaml");
        File.WriteAllText(descriptor, File.ReadAllText(descriptor).Replace("capacity: 64", "capacity: 32", StringComparison.Ordinal));
        var changed = Dotnet(project, ["test"], packages, expectFailure: true);
        Step(watch, "dotnet test after the change");
        Assert.Contains("Snapshot SnapshotTests.GeneratedSource_RiscvSfence differs from", changed);
        Assert.Contains("LAZYMMU_ACCEPT=1 dotnet test", changed);
        Assert.Matches(@"\n\s*-.*TlbBatch\(64,", changed);
        Assert.Matches(@"\n\s*\+.*TlbBatch\(32,", changed);
        Assert.Contains("Failed:     1, Passed:     3", changed);
        var received = Path.Combine(project, "RiscvKit.Tests", "Snapshots", "SnapshotTests.GeneratedSource_RiscvSfence.received.cs");
        Assert.True(File.Exists(received), "no received file: " + received);

        var accepted = Dotnet(project, ["test", "--no-build"], new Dictionary<string, string>(packages) { ["LAZYMMU_ACCEPT"] = "1" });
        var again = Dotnet(project, ["test", "--no-build"], packages);
        Step(watch, "accept and dotnet test");
        Assert.Contains("Passed!  - Failed:     0, Passed:     4", accepted);
        Assert.Contains("Passed!  - Failed:     0, Passed:     4", again);
        Assert.False(File.Exists(received), "the received file outlived the accept");
        Assert.Contains("TlbBatch(32,", File.ReadAllText(Path.Combine(project, "RiscvKit.Tests", "Snapshots", "SnapshotTests.GeneratedSource_RiscvSfence.verified.cs")));
        TryDelete(work);
    }

    private static string? VersionOf(string props, string id) =>
        System.Text.RegularExpressions.Regex.Match(props, $"Include=\"{System.Text.RegularExpressions.Regex.Escape(id)}\" Version=\"([^\"]+)\"") is { Success: true } m ? m.Groups[1].Value : null;

    private void Step(Stopwatch watch, string what) => output.WriteLine($"[{watch.Elapsed.TotalSeconds,5:F0} s] {what}");

    /// <summary>
    /// Runs a child dotnet with its output in a file, not in pipes (build servers may outlive it and hold them), and the
    /// outer `dotnet test`'s MSBuild settings removed; fails unless it exits as expected.
    /// </summary>
    private string Dotnet(string folder, string[] arguments, IReadOnlyDictionary<string, string>? environment = null, bool expectFailure = false)
    {
        // The outer run's LAZYMMU_ACCEPT must not accept the inner test's snapshots.
        var variables = new Dictionary<string, string?> { ["LAZYMMU_ACCEPT"] = null };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) variables[key] = value;
        var (finished, exit, text) = ChildDotnet.Run(folder, arguments, Limit, variables);
        var command = $"dotnet {string.Join(' ', arguments)}";
        output.WriteLine($"$ {command}  (in {folder}): exit {exit}");
        Assert.True(finished, $"{command} did not finish within {Limit.TotalMinutes} minutes:\n{Tail(text)}");
        Assert.True(expectFailure ? exit != 0 : exit == 0, $"{command} exited with {exit}:\n{Tail(text)}");
        return text.Replace("\r\n", "\n");
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file open; the temp folder is the system's to clean then.
        }
    }

    private static string Tail(string text) => text.Length <= 8000 ? text : "...\n" + text[^8000..];
}
