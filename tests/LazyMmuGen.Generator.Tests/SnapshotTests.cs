namespace LazyMmuGen.Generator.Tests;

/// <summary>Every built-in descriptor's generated arch, and the registry of all of them, against Snapshots/.</summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> BuiltinDescriptors() => new(RepoPaths.BuiltinDescriptors());

    [Fact]
    public void BuiltinDescriptorsAreFound() => Assert.Contains("arm64.arch.yaml", RepoPaths.BuiltinDescriptors());

    [Theory]
    [MemberData(nameof(BuiltinDescriptors))]
    public void BuiltinArch(string descriptor)
    {
        var run = GeneratorHarness.Run(RepoPaths.Builtin(descriptor));

        run.AssertNoCrash();
        Assert.Empty(run.Diagnostics);
        run.AssertCompilesCleanly();
        var archHints = run.HintNames.Where(h => h != GeneratorHarness.RegistryHint).ToList();
        Assert.Single(archHints);
        SnapshotHelper.Verify(run, archHints);
    }

    [Fact]
    public void Registry()
    {
        var run = GeneratorHarness.Run(RepoPaths.BuiltinDescriptors().Select(RepoPaths.Builtin).ToArray());

        run.AssertNoCrash();
        Assert.Empty(run.Diagnostics);
        run.AssertCompilesCleanly();
        Assert.Equal(RepoPaths.BuiltinDescriptors().Count + 1, run.HintNames.Count());
        SnapshotHelper.Verify(run, new[] { GeneratorHarness.RegistryHint });
    }
}
