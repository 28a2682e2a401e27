using LazyMmuGen.Cli.Accept;
using LazyMmuGen.Cli.Commands;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>
/// `lazymmu accept --check` over this clone: every artifact the tests compare against (generator snapshots, the
/// arch matrix in README.md and docs/, docs/simulate.svg) is what the current descriptors and build produce.
/// When a descriptor is added or changed, this and the artifact's own test fail until `accept` rewrites them.
/// </summary>
public sealed class AcceptTests
{
    [Fact]
    public void Every_committed_artifact_is_current()
    {
        var output = new StringWriter();
        var code = AcceptCommand.Run(RepoRoot.Folder, check: true, output, TextWriter.Null);
        Assert.True(code == 0, output.ToString());
        var artifacts = Artifacts.All(RepoRoot.Folder);
        Assert.Equal($"all {artifacts.Count} artifacts are current.\n", output.ToString().Replace("\r\n", "\n"));
        // One snapshot per descriptor plus the registry, the template's snapshot, the schema, the descriptor
        // reference's tables, the two matrices, the two charts and docs/simulate.md.
        Assert.Equal(Artifacts.Descriptors(RepoRoot.Folder).Count + 1 + 1 + 1 + 1 + 2 + 2 + 1, artifacts.Count);
    }

    [Fact]
    public void A_stale_artifact_is_reported_with_the_command_that_fixes_it()
    {
        var artifacts = Artifacts.All(RepoRoot.Folder).ToList();
        var readme = artifacts.FindIndex(a => a.RelativePath == "README.md");
        artifacts[readme] = artifacts[readme] with { Expected = artifacts[readme].Expected + "\n" };
        Assert.Contains(AcceptCommand.Stale(RepoRoot.Folder, artifacts), s => s.Artifact.RelativePath == "README.md");
    }

    [Fact]
    public void Outside_a_clone_accept_is_a_usage_error()
    {
        var folder = Directory.CreateTempSubdirectory("lazymmu-accept.").FullName;
        var error = new StringWriter();
        Assert.Equal(2, AcceptCommand.Run(folder, check: true, TextWriter.Null, error));
        Assert.StartsWith("error: accept works inside a LazyMmuGen clone", error.ToString());
        Directory.Delete(folder);
    }
}
