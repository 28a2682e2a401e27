using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static LazyMmuGen.Tests.Shared.GeneratorHarness;

namespace LazyMmuGen.Generator.Tests;

/// <summary>The pipeline re-runs only what an edit touches (step reasons from trackIncrementalGeneratorSteps).</summary>
public sealed class CachingTests
{
    private static readonly InMemoryAdditionalText Arm = Descriptor("arm.arch.yaml",
        "arch: arm\nsummary: First.\nmechanisms:\n  - kind: deferred-barriers\n");
    private static readonly InMemoryAdditionalText Plain = Descriptor("plain.arch.yaml", "arch: plain\nsummary: Second.\nmechanisms: []\n");

    [Fact]
    public void RerunWithoutChangesIsCachedEverywhere()
    {
        var compilation = Compilation(CSharpSyntaxTree.ParseText("class User { }", LanguageOptions));
        var driver = Driver(new[] { Arm, Plain }, track: true).RunGenerators(compilation);

        var result = TrackedSteps.Result(driver.RunGenerators(compilation.Clone()));

        Assert.Null(result.Exception);
        foreach (var step in TrackedSteps.Names)
        {
            var outputs = TrackedSteps.Outputs(result, step);
            Assert.NotEmpty(outputs);
            var changed = outputs.Where(o => !IsCached(o.Reason)).ToList();
            Assert.True(changed.Count == 0, $"step {step} re-ran: {string.Join(", ", changed.Select(o => o.Reason))}");
        }
    }

    [Fact]
    public void EditingOneDescriptorRendersOnlyThatArch()
    {
        var compilation = Compilation();
        var driver = Driver(new[] { Arm, Plain }, track: true).RunGenerators(compilation);
        var edited = Descriptor("plain.arch.yaml", "arch: plain\nsummary: Second, edited.\nmechanisms: []\n");

        var result = TrackedSteps.Result(driver.ReplaceAdditionalText(Plain, edited).RunGenerators(compilation));

        var reasons = TrackedSteps.Outputs(result, TrackingNames.RenderedArch).Select(o => o.Reason).ToList();
        Assert.Single(reasons, r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Single(reasons, r => r is IncrementalStepRunReason.Cached);
        Assert.Equal(2, reasons.Count);
        Assert.Contains("Second, edited.", result.GeneratedSources.Single(s => s.HintName == RegistryHint).SourceText.ToString());
    }

    [Fact]
    public void EditingOneDescriptorWhileADuplicateExistsRendersOnlyThatArch()
    {
        // Each arch's render input holds only its own duplicate verdict, not the whole list.
        var twin = Descriptor("twin.arch.yaml", "arch: arm\nsummary: Duplicate of arm.\nmechanisms: []\n");
        var compilation = Compilation();
        var driver = Driver(new[] { Arm, Plain, twin }, track: true).RunGenerators(compilation);
        var edited = Descriptor("plain.arch.yaml", "arch: plain\nsummary: Second, edited.\nmechanisms: []\n");

        var result = TrackedSteps.Result(driver.ReplaceAdditionalText(Plain, edited).RunGenerators(compilation));

        var reasons = TrackedSteps.Outputs(result, TrackingNames.RenderedArch).Select(o => o.Reason).ToList();
        Assert.Single(reasons, r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Equal(2, reasons.Count(IsCached));
    }

    [Fact]
    public void EditingTheRedefiningDescriptorTouchesOnlyIt()
    {
        // The duplicate diagnostic points at the first descriptor (an additional location), which did not change:
        // only the edited descriptor's render input changes, and its output (the LMG0007, no code) is the same.
        var twin = Descriptor("twin.arch.yaml", "arch: arm\nsummary: Duplicate of arm.\nmechanisms: []\n");
        var compilation = Compilation();
        var driver = Driver(new[] { Arm, Plain, twin }, track: true).RunGenerators(compilation);
        var edited = Descriptor("twin.arch.yaml", "arch: arm\nsummary: Duplicate of arm, edited.\nmechanisms: []\n");

        var result = TrackedSteps.Result(driver.ReplaceAdditionalText(twin, edited).RunGenerators(compilation));

        var inputs = TrackedSteps.Outputs(result, TrackingNames.RenderInputs).Select(o => o.Reason).ToList();
        Assert.Single(inputs, r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Equal(2, inputs.Count(IsCached));
        var rendered = TrackedSteps.Outputs(result, TrackingNames.RenderedArch).Select(o => o.Reason).ToList();
        Assert.Equal(3, rendered.Count);
        Assert.All(rendered, r => Assert.True(IsCached(r), r.ToString()));
        var duplicate = Assert.Single(result.Diagnostics);
        Assert.Equal("LMG0007", duplicate.Id);
        Assert.Equal(PathOf("arm.arch.yaml"), Assert.Single(duplicate.AdditionalLocations).GetLineSpan().Path);
    }

    [Fact]
    public void EditingOneOfAThousandDescriptorsRendersOnlyThatArch()
    {
        // The scale of the generator benchmarks (benchmarks/): the incremental run they time re-renders one arch.
        var bodies = new[]
        {
            "mechanisms:\n  - kind: deferred-barriers\n",
            "mechanisms:\n  - kind: tlb-batch\n    capacity: 192\n    flush-keys: [mm, page-size]\n",
            "mechanisms:\n  - kind: hypercall-batch\n    entries: 32\n    arg-bytes: 512\n",
            "mechanisms: []\n",
        };
        var descriptors = Enumerable.Range(0, 1000)
            .Select(i => Descriptor($"s{i}.arch.yaml", $"arch: s{i}\nsummary: Synthetic {i}.\n" + bodies[i % bodies.Length]))
            .ToArray();
        var compilation = Compilation();
        var driver = Driver(descriptors, track: true).RunGenerators(compilation);
        var original = descriptors[500];
        var edited = Descriptor("s500.arch.yaml", original.GetText().ToString().Replace("Synthetic 500.", "Synthetic 500, edited.", StringComparison.Ordinal));

        var result = TrackedSteps.Result(driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation));

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var reasons = TrackedSteps.Outputs(result, TrackingNames.RenderedArch).Select(o => o.Reason).ToList();
        Assert.Equal(1000, reasons.Count);
        Assert.Single(reasons, r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Equal(999, reasons.Count(IsCached));
        Assert.Contains("Synthetic 500, edited.", result.GeneratedSources.Single(s => s.HintName == "S500.g.cs").SourceText.ToString());
    }

    [Fact]
    public void EditingCSharpRendersNothing()
    {
        var user = CSharpSyntaxTree.ParseText("class User { }", LanguageOptions);
        var compilation = Compilation(user);
        var driver = Driver(new[] { Arm, Plain }, track: true).RunGenerators(compilation);

        var added = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Other { }", LanguageOptions));
        driver = driver.RunGenerators(added);
        AssertNothingRendered(TrackedSteps.Result(driver));

        var edited = added.ReplaceSyntaxTree(user, CSharpSyntaxTree.ParseText("class User { int field; }", LanguageOptions));
        AssertNothingRendered(TrackedSteps.Result(driver.RunGenerators(edited)));
    }

    private static void AssertNothingRendered(GeneratorRunResult result)
    {
        Assert.Equal(2, TrackedSteps.Outputs(result, TrackingNames.RenderedArch).Count);
        foreach (var step in new[] { TrackingNames.Parsed, TrackingNames.RenderedArch, TrackingNames.RenderedRegistry })
            Assert.DoesNotContain(TrackedSteps.Outputs(result, step), o => !IsCached(o.Reason));
    }

    private static bool IsCached(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;
}
