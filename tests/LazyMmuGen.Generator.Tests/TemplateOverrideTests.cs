using Microsoft.CodeAnalysis;
using static LazyMmuGen.Tests.Shared.GeneratorHarness;

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
        var run = Run(Sparc, Template("templates/mechanisms/tlb-batch/flush.scriban", "            // custom flush\n            c.Cpu.Tlb.Flush(c.Machine);\n"));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("// custom flush", run.Source("Sparc.g.cs"));
    }

    [Fact]
    public void OverrideThatMatchesNoBuiltInIsAWarningAtItsFile()
    {
        var run = Run(Sparc, Template("templates/mechanisms/tlb-batch/flsh.scriban", "// typo\n"));

        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal(("LMG0022", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.Equal(ProjectDir + "templates/mechanisms/tlb-batch/flsh.scriban", warning.Location.GetLineSpan().Path);
        Assert.DoesNotContain("// typo", run.Source("Sparc.g.cs"));
    }

    [Fact]
    public void TwoOverridesOfOneTemplateAreAnError()
    {
        var run = Run(Sparc,
            Template("a/templates/mechanisms/tlb-batch/flush.scriban", "c.Cpu.Tlb.Flush(c.Machine);\n"),
            Template("b/templates/mechanisms/tlb-batch/flush.scriban", "c.Cpu.Tlb.Flush(c.Machine);\n"));

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0023", error.Id);
        Assert.Equal(ProjectDir + "b/templates/mechanisms/tlb-batch/flush.scriban", error.Location.GetLineSpan().Path);
    }

    [Fact]
    public void TypeNameDifferingFromTheRegistryOnlyInCaseIsRefusedNotCrashed()
    {
        var run = Run(Descriptor("bad.arch.yaml", "arch: bad\ntype-name: LAZYMMUARCHREGISTRY\n"));

        Assert.Null(run.Generator.Exception);
        Assert.Equal("LMG0006", Assert.Single(run.Diagnostics).Id);
        Assert.Contains(RegistryHint, run.HintNames);
    }

    [Fact]
    public void An_override_that_does_not_parse_is_an_error_at_its_line_and_column_and_the_built_in_is_kept()
    {
        var run = Run(Sparc, Template("templates/mechanisms/tlb-batch/flush.scriban", "            // custom\n            {{ if p.capacity }}\n"));

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0021", error.Id);
        var span = error.Location.GetLineSpan();
        Assert.Equal(ProjectDir + "templates/mechanisms/tlb-batch/flush.scriban", span.Path);
        Assert.Equal(1, span.StartLinePosition.Line);
        Assert.Contains("c.Cpu.Tlb.Flush(c.Machine);", run.Source("Sparc.g.cs"));
    }

    [Fact]
    public void A_misspelt_parameter_in_an_override_is_an_error_at_its_line_and_column_not_an_empty_hole()
    {
        var run = Run(Sparc, Template("templates/mechanisms/tlb-batch/init-cpu.scriban", "            // {{ p.capacity }}\n            cpu.Tlb = new TlbBatch({{ p.capcity }}, TlbFlushKeys.Mm);\n"));

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0021", error.Id);
        var span = error.Location.GetLineSpan();
        // Line 2, at the misspelt member itself (0-based positions).
        Assert.Equal((ProjectDir + "templates/mechanisms/tlb-batch/init-cpu.scriban", 1, 40),
            (span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character));
        // With the nearest name (found by a fresh-clone review: there was none) and the ones p has.
        Assert.Equal("Template 'mechanisms/tlb-batch/init-cpu' failed: Cannot get member with name capcity. Did you mean 'capacity'? "
            + "Members here: batch_kernel_ptes, capacity, flush_keys, mm_check_outside_mode, only_valid_old, preempt. Fix the template.", error.GetMessage());
        Assert.DoesNotContain("Sparc.g.cs", run.HintNames);
    }

    [Fact]
    public void A_Handlebars_override_is_reported_instead_of_silently_ignored()
    {
        var run = Run(Sparc, Template("templates/mechanisms/tlb-batch/flush.hbs", "            // old\n"));

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0021", error.Id);
        Assert.Equal(ProjectDir + "templates/mechanisms/tlb-batch/flush.hbs", error.Location.GetLineSpan().Path);
        Assert.Contains("Handlebars", error.GetMessage());
        Assert.DoesNotContain("// old", run.Source("Sparc.g.cs"));
    }

    [Theory]
    [InlineData("mechanisms/tlb-batch/flush.hbs")]
    [InlineData("mechanisms/tlb-batch/flush.scriban")]
    [InlineData("mechanisms/tlb-batch/flush")]
    public void The_logical_name_in_metadata_may_keep_the_old_extension(string name)
    {
        var options = Options().With(ProjectDir + "my/flush.scriban", "build_metadata.AdditionalFiles.LazyMmuTemplate", name);
        var run = Run(new AdditionalText[] { Sparc, Template("my/flush.scriban", "            // mine\n") }, options);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("// mine", run.Source("Sparc.g.cs"));
    }
}
