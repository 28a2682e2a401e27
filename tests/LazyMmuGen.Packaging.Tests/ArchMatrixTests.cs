using LazyMmuGen.Arches;
using LazyMmuGen.Cli.Output;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>lazymmu arches --format markdown reads the generated types, and docs/arch-matrix.md is its current output.</summary>
public sealed class ArchMatrixTests
{
    [Fact]
    public void DocsHoldTheCurrentMatrix()
    {
        var matrix = ArchMatrix.Markdown(LazyMmuArchRegistry.All);
        var docs = File.ReadAllText(RepoRoot.Combine("docs", "arch-matrix.md")).Replace("\r\n", "\n");

        Assert.True(docs.Contains(matrix, StringComparison.Ordinal),
            "docs/arch-matrix.md is out of date: run `dotnet run --project cli -- accept`. The current matrix:\n" + matrix);
    }

    /// <summary>README.md embeds the matrix ("Arch support"), and it must be the current one.</summary>
    [Fact]
    public void ReadmeHoldsTheCurrentMatrix()
    {
        var matrix = ArchMatrix.Markdown(LazyMmuArchRegistry.All);
        var readme = File.ReadAllText(RepoRoot.Combine("README.md")).Replace("\r\n", "\n");

        Assert.True(readme.Contains(matrix, StringComparison.Ordinal),
            "README.md embeds an out-of-date arch matrix: run `dotnet run --project cli -- accept`. The current matrix:\n" + matrix);
    }

    [Fact]
    public void CallbacksAndStateComeFromTheGeneratedTypes()
    {
        var arm64 = LazyMmuArchRegistry.Find("arm64")!;
        var (type, task, cpu) = ArchMatrix.Types(arm64);
        Assert.Equal(typeof(Arm64), type);
        Assert.Equal(typeof(Arm64.TaskState), task);
        Assert.Equal(typeof(Arm64.CpuState), cpu);
        Assert.False(ArchMatrix.DoesWork(type, "Enter"));
        Assert.True(ArchMatrix.DoesWork(type, "Leave"));
        Assert.Equal("`BarriersPending`", ArchMatrix.Fields(task));
        Assert.Equal("–", ArchMatrix.Fields(cpu));

        var rows = ArchMatrix.Markdown(LazyMmuArchRegistry.All).Split('\n');
        var row = rows.Single(l => l.StartsWith("| s390-saved-range |", StringComparison.Ordinal));
        Assert.Contains("| ✓ | ✓ | distinct |", row);
        Assert.Contains("`Cache`", row);
        // The posted s390 series has no arch pause/resume; x86-native does not opt in at all.
        Assert.Contains("| → leave | → enter | leave/enter |", rows.Single(l => l.StartsWith("| s390 |", StringComparison.Ordinal)));
        Assert.Contains("| stub | stub | stub | stub | stub | stubs |", rows.Single(l => l.StartsWith("| x86-native |", StringComparison.Ordinal)));
    }
}
