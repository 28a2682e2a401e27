using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// Issue 13: a mechanism is defined by mechanisms/NAME/mechanism.yaml. The built-ins load without a problem,
/// and a bad definition is LMG0024 at its file, line and column (never an exception).
/// </summary>
public sealed class MechanismDefinitionTests
{
    private const string Path = "/project/mechanisms/svinval/mechanism.yaml";

    private const string Valid = """
        mechanism: svinval-batch
        summary: Batches sinval.vma between sfence.w.inval and sfence.inval.ir.
        kernel: riscv Svinval
        claims: [pte-completion, "csr:{register}"]
        phases: { leave: drain, flush: drain }
        parameters:
          - name: capacity
            type: integer
            min: 1
            max: 64
            default: 16
            doc: Invalidations per batch.
          - name: register
            type: identifier
            doc: A CSR.
        """;

    private static (MechanismDefinition? Definition, List<DiagnosticInfo> Diagnostics) Read(string text)
    {
        var diagnostics = new List<DiagnosticInfo>();
        return (DefinitionReader.Read(Path, text, diagnostics, CancellationToken.None), diagnostics);
    }

    [Fact]
    public void The_built_in_definitions_load_without_problems_in_name_order()
    {
        Assert.Empty(MechanismCatalog.BuiltinProblems);
        Assert.Equal(new[] { "deferred-barriers", "hypercall-batch", "ipte-cache", "paravirt-nop", "register-switch", "tlb-batch" },
            MechanismCatalog.All.Select(m => m.Name));
        Assert.All(MechanismCatalog.All, m => Assert.Equal($"mechanisms/{m.Name}/mechanism.yaml", m.DefinitionPath));
    }

    [Fact]
    public void Every_built_in_definition_sits_in_its_own_folder_next_to_its_fragments()
    {
        foreach (var m in MechanismCatalog.All)
        {
            var folder = System.IO.Path.Combine(RepoRoot.Folder, "mechanisms", m.Name);
            Assert.True(File.Exists(System.IO.Path.Combine(folder, "mechanism.yaml")), m.Name);
            // A phase is declared only for a hook the mechanism fills, or falls back to (pause → leave).
            foreach (var hook in m.Phases.Keys)
                Assert.True(File.Exists(System.IO.Path.Combine(folder, hook + ".scriban")) || hook is "pause" or "resume" or "enter-range",
                    $"{m.Name}: phase for '{hook}' without a fragment");
        }
    }

    [Fact]
    public void A_valid_definition_reads_its_parameters_claims_and_phases()
    {
        var (definition, diagnostics) = Read(Valid);

        Assert.Empty(diagnostics);
        Assert.NotNull(definition);
        Assert.Equal(("svinval-batch", "riscv Svinval"), (definition!.Name, definition.Kernel));
        var capacity = definition.Parameters[0];
        Assert.Equal((ParameterKind.Integer, 1L, 64L, "16"), (capacity.Kind, capacity.Min, capacity.Max, capacity.Default));
        Assert.True(definition.Parameters[1].Required);
        Assert.Equal(HookPhase.Drain, definition.PhaseOf("leave"));
        Assert.Equal(HookPhase.Setup, definition.PhaseOf("enter"));
        var spec = new MechanismSpec("svinval-batch", new[] { new ParameterValue("capacity", "16"), new ParameterValue("register", "SATP") }.ToEquatableArray(), LocationInfo.FileStart(Path));
        Assert.Equal(new[] { "pte-completion", "csr:SATP" }, definition.Resources(spec));
    }

    [Theory]
    [InlineData("summry: x", 3, 1, "unknown field 'summry'. Did you mean 'summary'?")]
    [InlineData("parameters:\n  - name: capacity\n    type: integr\n    doc: x", 5, 11, "unknown parameter type 'integr'. Did you mean 'integer'?")]
    [InlineData("parameters:\n  - name: on\n    type: boolean\n    default: maybe\n    doc: x", 6, 14, "default 'maybe' does not fit the parameter's type")]
    [InlineData("parameters:\n  - name: n\n    type: integer\n    min: 1\n    max: 8\n    default: 9\n    doc: x", 8, 14, "default 9 of 'n' is not an integer in 1..8")]
    [InlineData("claims: [\"reg:{nope}\"]", 3, 9, "claim 'reg:{nope}' names '{nope}', which is not a parameter of this mechanism")]
    [InlineData("phases: { leav: drain }", 3, 11, "'leav' is not a hook. Did you mean 'leave'?")]
    [InlineData("phases: { leave: drian }", 3, 18, "the phase of 'leave' must be one of pin, restore, setup, drain, release")]
    public void A_bad_definition_is_LMG0024_at_its_line_and_column(string extra, int line, int column, string message)
    {
        // Lines 1 and 2 are 'mechanism: m' and 'summary: s'; the case's text starts at line 3.
        var (definition, diagnostics) = Read("mechanism: m\nsummary: s\n" + extra + "\n");

        Assert.Null(definition);
        var diagnostic = diagnostics.Single(d => d.Id == "LMG0024");
        Assert.Equal((Path, line, column), (diagnostic.Location!.Path, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains(message, diagnostic.ToDiagnostic().GetMessage());
    }

    [Fact]
    public void A_definition_that_is_not_yaml_is_LMG0001_and_never_throws()
    {
        var (definition, diagnostics) = Read("mechanism: m\n\tsummary: tab\n");

        Assert.Null(definition);
        Assert.Equal("LMG0001", Assert.Single(diagnostics).Id);
    }
}
