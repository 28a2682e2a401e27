using LazyMmuGen.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static LazyMmuGen.Tests.Shared.GeneratorHarness;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// Issue 12: a descriptor with errors must not leave user code that names its type drowning in CS0103. The
/// generator keeps the type name as an error-obsolete placeholder, so each use is one CS0619 naming the
/// descriptor and its first LMG error, and nothing else.
/// </summary>
public sealed class PlaceholderTests
{
    // 'capacity: 300' is out of range (LMG0011 at line 5, column 15); the arch and type name are valid.
    private const string Broken = """
        arch: riscv-broken
        summary: one error, in a parameter
        mechanisms:
          - kind: tlb-batch
            capacity: 300
        """;

    private const string UserCode = """
        namespace User;
        public static class UsesTheArch
        {
            public static object Use()
            {
                var info = LazyMmuGen.Arches.RiscvBroken.Info;
                var machine = LazyMmuGen.Arches.RiscvBroken.CreateMachine();
                var entry = LazyMmuGen.Arches.LazyMmuArchRegistry.RiscvBroken;
                return (info, machine, entry);
            }
        }
        """;

    private static (GeneratorRun Run, IReadOnlyList<Diagnostic> Problems) Build(params AdditionalText[] descriptors)
    {
        var user = CSharpSyntaxTree.ParseText(UserCode, LanguageOptions, path: "/project/UsesTheArch.cs");
        var driver = Driver(descriptors).RunGeneratorsAndUpdateCompilation(Compilation(user), out var output, out var driverDiagnostics);
        var run = new GeneratorRun(driver.GetRunResult(), output, driverDiagnostics);
        return (run, run.CompileProblems());
    }

    [Fact]
    public void Each_use_of_a_failed_arch_is_one_error_naming_the_descriptor_and_its_first_error()
    {
        var (run, problems) = Build(Descriptor("riscv-broken.arch.yaml", Broken));

        run.AssertNoCrash();
        var lmg = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0011", lmg.Id);
        Assert.Equal((4, 14), (lmg.Location.GetLineSpan().StartLinePosition.Line, lmg.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains(PlaceholderEmitter.HintName, run.HintNames);
        Assert.Equal(new[] { "CS0619", "CS0619", "CS0619" }, problems.Select(p => p.Id));
        Assert.Equal(new[] { 6, 7, 8 }, problems.Select(p => p.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.All(problems, p => Assert.Contains(
            "LazyMmuGen did not generate RiscvBroken: its descriptor riscv-broken.arch.yaml has errors (LMG0011 at line 5, column 15). Fix the descriptor's LMG errors and rebuild.",
            p.GetMessage()));
    }

    [Fact]
    public void Without_a_placeholder_the_same_code_fails_on_every_line_without_naming_the_descriptor()
    {
        // The control: no descriptor at all, so the type is really missing. This is the cascade the placeholder prevents.
        var (_, problems) = Build();
        Assert.Equal(new[] { "CS0234", "CS0234", "CS0117" }, problems.Select(p => p.Id));
        Assert.All(problems, p => Assert.DoesNotContain("arch.yaml", p.GetMessage()));
    }

    [Fact]
    public void A_valid_descriptor_of_the_same_type_name_wins_and_no_placeholder_is_emitted()
    {
        var valid = Descriptor("a-valid.arch.yaml", "arch: riscv-broken\nsummary: valid\nmechanisms: []\n");
        var (run, problems) = Build(valid, Descriptor("riscv-broken.arch.yaml", Broken));

        Assert.Equal(new[] { "LMG0011" }, run.Diagnostics.Select(d => d.Id));
        Assert.DoesNotContain(PlaceholderEmitter.HintName, run.HintNames);
        Assert.Empty(problems);
    }

    [Fact]
    public void A_descriptor_whose_type_name_is_invalid_gets_no_placeholder()
    {
        var (run, _) = Build(Descriptor("bad.arch.yaml", "arch: riscv-broken\ntype-name: class\nmechanisms: []\n"));

        Assert.Equal(new[] { "LMG0006" }, run.Diagnostics.Select(d => d.Id));
        Assert.DoesNotContain(PlaceholderEmitter.HintName, run.HintNames);
    }

    [Fact]
    public void A_valid_build_has_no_placeholder_file()
    {
        var run = Run(Descriptor("ok.arch.yaml", "arch: riscv-ok\nmechanisms: []\n"));
        Assert.DoesNotContain(PlaceholderEmitter.HintName, run.HintNames);
    }
}
