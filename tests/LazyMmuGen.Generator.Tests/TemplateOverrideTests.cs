using Microsoft.CodeAnalysis;
using static LazyMmuGen.Generator.Tests.GeneratorHarness;

namespace LazyMmuGen.Generator.Tests;

/// <summary>Consumer template overrides: used when they match a built-in, diagnosed when they cannot be.</summary>
public sealed class TemplateOverrideTests
{
    private static readonly InMemoryAdditionalText Sparc = Descriptor("sparc.arch.yaml",
        "arch: sparc\nmechanisms:\n  - kind: tlb-batch\n    capacity: 64\n");

    private static InMemoryAdditionalText Template(string path, string text) => new(ProjectDir + path, text);

    [Fact]
    public void OverrideUnderATemplatesFolderReplacesTheBuiltInFragment()
    {
        var run = Run(Sparc, Template("templates/mechanisms/tlb-batch/flush.hbs", "            // custom flush\n            c.Cpu.Tlb.Flush(c.Machine);\n"));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("// custom flush", run.Source("Sparc.g.cs"));
    }

    [Fact]
    public void OverrideThatMatchesNoBuiltInIsAWarningAtItsFile()
    {
        var run = Run(Sparc, Template("templates/mechanisms/tlb-batch/flsh.hbs", "// typo\n"));

        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal(("LMG0022", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.Equal(ProjectDir + "templates/mechanisms/tlb-batch/flsh.hbs", warning.Location.GetLineSpan().Path);
        Assert.DoesNotContain("// typo", run.Source("Sparc.g.cs"));
    }

    [Fact]
    public void TwoOverridesOfOneTemplateAreAnError()
    {
        var run = Run(Sparc,
            Template("a/templates/mechanisms/tlb-batch/flush.hbs", "c.Cpu.Tlb.Flush(c.Machine);\n"),
            Template("b/templates/mechanisms/tlb-batch/flush.hbs", "c.Cpu.Tlb.Flush(c.Machine);\n"));

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0023", error.Id);
        Assert.Equal(ProjectDir + "b/templates/mechanisms/tlb-batch/flush.hbs", error.Location.GetLineSpan().Path);
    }

    [Fact]
    public void TypeNameDifferingFromTheRegistryOnlyInCaseIsRefusedNotCrashed()
    {
        var run = Run(Descriptor("bad.arch.yaml", "arch: bad\ntype-name: LAZYMMUARCHREGISTRY\n"));

        Assert.Null(run.Generator.Exception);
        Assert.Equal("LMG0006", Assert.Single(run.Diagnostics).Id);
        Assert.Contains(RegistryHint, run.HintNames);
    }
}
