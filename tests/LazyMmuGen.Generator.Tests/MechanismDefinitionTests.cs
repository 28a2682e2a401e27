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
        claims: [pte-completion, "register:{register}"]
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
        Assert.Equal(new[] { "pte-completion", "register:SATP" }, definition.Resources(spec));
    }

    [Theory]
    [InlineData("summry: x", 3, 1, "unknown field 'summry'. Did you mean 'summary'?")]
    [InlineData("parameters:\n  - name: capacity\n    type: integr\n    doc: x", 5, 11, "unknown parameter type 'integr'. Did you mean 'integer'?")]
    [InlineData("parameters:\n  - name: on\n    type: boolean\n    default: maybe\n    doc: x", 6, 14, "default 'maybe' does not fit the parameter's type")]
    [InlineData("parameters:\n  - name: n\n    type: integer\n    min: 1\n    max: 8\n    default: 9\n    doc: x", 8, 14, "default 9 of 'n' is not an integer in 1..8")]
    [InlineData("claims: [\"register:{nope}\"]", 3, 9, "claim 'register:{nope}' names '{nope}', which is not a parameter of this mechanism")]
    // The most dangerous typo a definition can make: a claim nobody else spells alike protects nothing.
    [InlineData("claims: [pte-store, pte-complete]", 3, 21, "claim 'pte-complete' is not a resource. Did you mean 'pte-completion'? Resources: pte-completion, pte-store, section-preemption, context-switch, enable-range, register:{parameter}")]
    [InlineData("claims: [csr:satp]", 3, 10, "claim 'csr:satp' is not a resource.")]
    [InlineData("phases: { leav: drain }", 3, 11, "'leav' is not a hook. Did you mean 'leave'?")]
    [InlineData("phases: { leave: drian }", 3, 18, "'drian' is not a phase (of 'leave'). Did you mean 'drain'? Phases: pin, restore, setup, drain, release. Fix")]
    public void A_bad_definition_is_LMG0024_at_its_line_and_column(string extra, int line, int column, string message)
    {
        // Lines 1 and 2 are 'mechanism: m' and 'summary: s'; the case's text starts at line 3.
        var (definition, diagnostics) = Read("mechanism: m\nsummary: s\n" + extra + "\n");

        Assert.Null(definition);
        var diagnostic = diagnostics.Single(d => d.Id == "LMG0024");
        Assert.Equal((Path, line, column), (diagnostic.Location!.Path, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains(message, diagnostic.ToDiagnostic().GetMessage());
    }

    private const string Batched = """
        mechanism: m
        summary: s
        parameters:
          - name: capacity
            type: integer
            doc: x
          - name: on
            type: boolean
            doc: x
        effects:
          - name: sfence
            doc: x
            cycles: 1
            source: x
        """;

    [Fact]
    public void A_batching_declaration_reads_its_effects_capacity_and_causes()
    {
        var (definition, diagnostics) = Read(Batched + "\nbatching:\n  effects: [sfence]\n  capacity: [capacity, capacity / 2 - 1, 64]\n  key-changes: true\n  unbatched: 1\n");

        Assert.Empty(diagnostics);
        var batching = definition!.Batching!;
        Assert.Equal(["sfence"], batching.Effects);
        Assert.Equal((1, false, true, 1), (batching.PerFlush, batching.PerFlushDistinct, batching.KeyChanges, batching.Unbatched));
        var spec = new MechanismSpec("m", new[] { new ParameterValue("capacity", "100"), new ParameterValue("on", "true") }.ToEquatableArray(), LocationInfo.FileStart(Path));
        Assert.Equal(49, batching.CapacityFor(spec)); // min(100, 100 / 2 - 1, 64)
        Assert.Null(Read(Batched + "\nbatching:\n  effects: [sfence]\n").Definition!.Batching!.CapacityFor(spec));
    }

    [Fact]
    public void The_built_in_batching_declarations()
    {
        string Of(string name) => MechanismCatalog.Find(name)!.Batching is { } b
            ? $"{string.Join("+", b.Effects)} cap[{string.Join(",", b.Capacity.Select(t => t.Text))}] per-flush {(b.PerFlushDistinct ? "distinct" : b.PerFlush)} keys {b.KeyChanges} unbatched {b.Unbatched}"
            : "none";
        Assert.Equal("tlb_flush cap[capacity] per-flush 1 keys True unbatched 0", Of("tlb-batch"));
        Assert.Equal("hypercall+multicall cap[entries,arg-bytes / update-bytes - 1] per-flush 1 keys False unbatched 0", Of("hypercall-batch"));
        Assert.Equal("ipte cap[] per-flush distinct keys False unbatched 1", Of("ipte-cache"));
        Assert.Equal("dsb cap[] per-flush 1 keys False unbatched 0", Of("deferred-barriers"));
        Assert.Equal("none", Of("register-switch"));
        Assert.Equal("none", Of("paravirt-nop"));
    }

    [Theory]
    // Lines 1-14 are Batched's; 'batching:' is line 15, its fields from line 16.
    [InlineData("  effects: [tlb_flush]", 16, 13, "batching effect 'tlb_flush' is not one of this mechanism's effects. Effects: sfence")]
    [InlineData("  effects: [sfense]", 16, 13, "batching effect 'sfense' is not one of this mechanism's effects. Did you mean 'sfence'?")]
    [InlineData("  effects: [sfence]\n  capacity: on", 17, 13, "capacity 'on' names 'on', which is not an integer parameter")]
    [InlineData("  effects: [sfence]\n  capacity: [capacity, entries]", 17, 24, "capacity 'entries' names 'entries', which is not a parameter of this mechanism")]
    [InlineData("  effects: [sfence]\n  capacity: capacity * 2", 17, 13, "a capacity is an integer parameter or literal")]
    [InlineData("  effects: [sfence]\n  per-flush: 0", 17, 14, "'per-flush' is the most counted effects a flush point with deferred writes emits")]
    [InlineData("  effects: [sfence]\n  unbatched: -1", 17, 14, "'unbatched' must be an integer, 0 or more")]
    [InlineData("  efects: [sfence]", 16, 3, "unknown batching field 'efects'. Did you mean 'effects'?")]
    public void A_bad_batching_declaration_is_LMG0024_at_its_line(string fields, int line, int column, string message)
    {
        var (definition, diagnostics) = Read(Batched + "\nbatching:\n" + fields + "\n");

        Assert.Null(definition);
        var diagnostic = diagnostics.First(d => d.Id == "LMG0024");
        Assert.Equal((Path, line, column), (diagnostic.Location!.Path, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains(message, diagnostic.ToDiagnostic().GetMessage());
    }

    [Fact]
    public void Cpu_symmetry_is_declared_by_every_built_in_and_is_off_unless_declared()
    {
        // Issue 14 (docs/checker.md#symmetry): the checker identifies CPU-renamed states only for arches whose every
        // mechanism says its code treats CPU numbers as names.
        Assert.All(MechanismCatalog.All, m => Assert.True(m.CpuSymmetric, m.Name));
        Assert.False(Read(Valid).Definition!.CpuSymmetric);
        Assert.True(Read(Valid + "\ncpu-symmetric: true\n").Definition!.CpuSymmetric);
        Assert.False(Read(Valid + "\ncpu-symmetric: false\n").Definition!.CpuSymmetric);
    }

    [Fact]
    public void A_cpu_symmetric_that_is_not_true_or_false_is_LMG0024_at_its_value()
    {
        // Valid is 15 lines; the field is line 16, its value at column 16.
        var (definition, diagnostics) = Read(Valid + "\ncpu-symmetric: yes\n");

        Assert.Null(definition);
        var diagnostic = diagnostics.Single(d => d.Id == "LMG0024");
        Assert.Equal((Path, 16, 16), (diagnostic.Location!.Path, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("'cpu-symmetric' is true or false (unquoted), got 'yes'", diagnostic.ToDiagnostic().GetMessage());
        Assert.Null(Read(Valid + "\ncpu-symmetric: \"true\"\n").Definition);
    }

    private const string Guarded = """
        mechanism: m
        summary: s
        parameters:
          - name: register
            type: identifier
            doc: x
          - name: levels
            type: level-map
            doc: x
          - name: write-level
            type: level-ref
            levels-from: levels
            default: PGTABLES
            doc: x
        """;

    [Fact]
    public void A_store_level_names_a_register_and_a_level_parameter()
    {
        // register-switch's: kpkeys page tables are writable only at PGTABLES ("[RFC PATCH v5 15/18] arm64: mm: Guard
        // page table writes with kpkeys"); the other built-ins declare none.
        Assert.Equal(new StoreLevelDefinition("register", "write-level"), MechanismCatalog.All.Single(m => m.Name == "register-switch").StoreLevel);
        Assert.All(MechanismCatalog.All.Where(m => m.Name != "register-switch"), m => Assert.Null(m.StoreLevel));
        Assert.Equal(new StoreLevelDefinition("register", "write-level"), Read(Guarded + "\nstore-level: { register: register, level: write-level }\n").Definition!.StoreLevel);
    }

    [Theory]
    [InlineData("store-level: register", 15, 14, "'store-level' must be a mapping: { register: PARAMETER, level: PARAMETER }")]
    [InlineData("store-level: { register: register }", 15, 14, "'store-level' needs 'level: PARAMETER', a level-ref parameter (the level that grants page-table writes)")]
    [InlineData("store-level: { register: levels, level: write-level }", 15, 26, "store-level 'register' must name an identifier parameter (the register's name), but 'levels' is of type level-map. Candidates: register")]
    [InlineData("store-level: { register: register, level: write-levle }", 15, 43, "but 'write-levle' is no parameter of this mechanism. Did you mean 'write-level'? Candidates: write-level")]
    [InlineData("store-level: { register: register, level: write-level, value: 1 }", 15, 56, "'value' is not a store-level field. Fields: register, level")]
    public void A_bad_store_level_is_LMG0024_at_its_line_and_column(string field, int line, int column, string message)
    {
        // Guarded is 14 lines; the field is line 15.
        var (definition, diagnostics) = Read(Guarded + "\n" + field + "\n");

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

    [Fact]
    public void The_reference_lists_exactly_the_resources_a_claim_may_name_and_every_built_in_claims_one_of_them()
    {
        // One home: Resources.Known. The reference's table restates it, so it must name the same resources, in order.
        var reference = File.ReadAllText(System.IO.Path.Combine(RepoRoot.Folder, "docs", "descriptor-reference.md"));
        var table = reference[reference.IndexOf("### Resources", StringComparison.Ordinal)..];
        var rows = table.Split('\n').SkipWhile(l => !l.StartsWith("|---", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|')[1].Trim().Trim('`')).ToList();
        Assert.Equal(Resources.Known.Select(r => r.Name).Append("register:<NAME>"), rows);
        foreach (var m in Resources.Known) Assert.Contains($"| `{m.Name}` | {m.Meaning} |", table, StringComparison.Ordinal);
        Assert.All(MechanismCatalog.All, m => Assert.All(m.Claims, c => Assert.True(Resources.IsKnown(c), $"{m.Name}: {c}")));
    }
}
