using System.Globalization;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Emit;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using static LazyMmuGen.Tests.Shared.GeneratorHarness;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// Every diagnostic a descriptor can trigger, at its exact 1-based YAML line:column and file. Each bad
/// descriptor runs next to a valid one that must still generate, and the generator must never crash.
/// LMG0099 (internal error) is not reachable from input by design: it only wraps a generator bug.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Bad = "bad.arch.yaml";
    private const string Companion = "companion.arch.yaml";
    private const string CompanionYaml = "arch: companion\nsummary: A valid neighbour.\nmechanisms:\n  - kind: deferred-barriers\n";
    private const string Tlb = "arch: bad\nmechanisms:\n  - kind: tlb-batch\n";
    private const string Barriers = "arch: bad\nmechanisms:\n  - kind: deferred-barriers\n";
    private const string Violation = "arch: bad\nexpected-violation:\n";
    private const string Hypercall = "arch: bad\nmechanisms:\n  - kind: hypercall-batch\n    entries: 32\n    arg-bytes: 512\n";
    private const string Register = "arch: bad\nmechanisms:\n  - kind: register-switch\n    register: POR_EL1\n";
    private const string KnownFields = "Known fields: arch, summary, type-name, pause-resume, mechanisms, expected-violation.";
    private const string KnownMechanisms = "Known mechanisms: deferred-barriers, hypercall-batch, ipte-cache, paravirt-nop, register-switch, tlb-batch.";
    private const string TlbParameters = "Its parameters: capacity, flush-keys, preempt, only-valid-old, batch-kernel-ptes, mm-check-outside-mode.";
    private const string FlushKeys = "Parameter 'flush-keys' of 'tlb-batch' must be a list of mm, page-size, segment-size, huge-page-shift (each once), but is ";

    private static readonly Dictionary<string, (string Id, string Yaml, int Line, int Column)> Cases = new()
    {
        ["YAML syntax error"] = ("LMG0001", "arch: bad\nsummary: \"x\" y\n", 2, 14),
        ["key indented under a key that has a value"] = ("LMG0001", "arch: bad\nsummary: x\n  mechanisms: []\n", 3, 1),
        ["parameter indented deeper than its siblings"] = ("LMG0001", Tlb + "    capacity: 8\n     preempt: true\n", 5, 1),
        ["parameter indented shallower than its siblings"] = ("LMG0001", Tlb + "    capacity: 8\n   preempt: true\n", 5, 1),
        ["list item indented unlike its siblings"] = ("LMG0001", Barriers + "   - kind: ipte-cache\n", 4, 1),
        ["nested key indented unlike its siblings"] = ("LMG0001", Register + "    levels:\n      DEFAULT: 0\n       PGTABLES: 1\n", 7, 1),
        ["tab as indentation"] = ("LMG0001", "arch: bad\nmechanisms:\n\t- kind: deferred-barriers\n", 3, 1),
        ["tab after spaces in indentation"] = ("LMG0001", Tlb + "  \tcapacity: 8\n", 4, 3),
        ["tab in indentation after a tab in block text"] = ("LMG0001", "arch: bad\nsummary: |\n  \tA tab in text is fine.\nmechanisms:\n\t- deferred-barriers\n", 5, 1),
        ["root is a list"] = ("LMG0002", "- arch: bad\n", 1, 1),
        ["empty file"] = ("LMG0002", "", 1, 1),
        ["missing arch"] = ("LMG0003", "summary: no name here\n", 1, 1),
        ["unknown top-level field"] = ("LMG0004", "arch: bad\ncolour: red\n", 2, 1),
        ["misspelt top-level field"] = ("LMG0004", "arch: bad\nSummary: Defers barriers.\n", 2, 1),
        ["invalid arch name"] = ("LMG0005", "arch: Bad_Name\n", 1, 7),
        ["reserved arch name"] = ("LMG0005", "arch: all\n", 1, 7),
        ["derived type name in use"] = ("LMG0006", "arch: info\n", 1, 7),
        ["type-name is a keyword"] = ("LMG0006", "arch: bad\ntype-name: class\n", 2, 12),
        ["type-name carries code"] = ("LMG0006", "arch: bad\ntype-name: \"Foo { } class Evil\"\n", 2, 12),
        ["type-name shadows a runtime type"] = ("LMG0006", "arch: bad\ntype-name: PteWrite\n", 2, 12),
        ["type-name is all lowercase (CS8981)"] = ("LMG0006", "arch: bad\ntype-name: riscv\n", 2, 12),
        ["type-name is a contextual keyword"] = ("LMG0006", "arch: bad\ntype-name: record\n", 2, 12),
        ["derived type name is a generated member"] = ("LMG0006", "arch: enter\n", 1, 7),
        ["unknown mechanism"] = ("LMG0008", "arch: bad\nmechanisms:\n  - kind: no-such-thing\n", 3, 11),
        ["misspelt mechanism shorthand"] = ("LMG0008", "arch: bad\nmechanisms:\n  - deferred-barrier\n", 3, 5),
        ["misspelt mechanism kind"] = ("LMG0008", "arch: bad\nmechanisms:\n  - kind: tlb_batch\n    capacity: 8\n", 3, 11),
        ["unknown parameter"] = ("LMG0009", Barriers + "    colour: red\n", 4, 5),
        ["misspelt parameter"] = ("LMG0009", Tlb + "    capacity: 8\n    flush-key: [mm]\n", 5, 5),
        ["parameter of another mechanism"] = ("LMG0009", Barriers + "    capacity: 8\n", 4, 5),
        ["parameter of a mechanism that has none"] = ("LMG0009", "arch: bad\nmechanisms:\n  - kind: paravirt-nop\n    capacity: 8\n", 4, 5),
        ["unknown parameter, CRLF line ends"] = ("LMG0009", (Barriers + "    colour: red\n").Replace("\n", "\r\n"), 4, 5),
        ["wrong parameter type"] = ("LMG0010", Barriers + "    switch-dsb: maybe\n", 4, 17),
        ["quoted integer"] = ("LMG0010", Tlb + "    capacity: \"64\"\n", 4, 15),
        ["quoted boolean"] = ("LMG0010", Hypercall + "    merge: \"true\"\n", 6, 12),
        ["quoted level value"] = ("LMG0010", Register + "    levels: { DEFAULT: '0', PGTABLES: 1 }\n", 5, 24),
        ["misspelt flush key"] = ("LMG0010", Tlb + "    capacity: 8\n    flush-keys: [mm, page-sise]\n", 5, 22),
        ["unknown flush key"] = ("LMG0010", Tlb + "    capacity: 8\n    flush-keys: [mm, colour]\n", 5, 22),
        ["repeated flush key"] = ("LMG0010", Tlb + "    capacity: 8\n    flush-keys: [mm, mm]\n", 5, 22),
        ["capacity 0"] = ("LMG0011", Tlb + "    capacity: 0\n", 4, 15),
        ["capacity 256"] = ("LMG0011", Tlb + "    capacity: 256\n", 4, 15),
        ["missing required parameter"] = ("LMG0012", Tlb, 3, 11),
        ["mechanism without kind, parameters of one mechanism"] = ("LMG0003", "arch: bad\nmechanisms:\n  - capacity: 192\n    flush-keys: [mm]\n", 3, 5),
        ["mechanism without kind, parameters of none"] = ("LMG0003", "arch: bad\nmechanisms:\n  - colour: red\n", 3, 5),
        ["mechanism without kind or parameters"] = ("LMG0003", "arch: bad\nmechanisms:\n  - {}\n", 3, 5),
        ["misspelt pause-resume value"] = ("LMG0002", "arch: bad\npause-resume: distinc\nmechanisms: [deferred-barriers]\n", 2, 15),
        ["two mechanisms claim pte-completion"] = ("LMG0013", Barriers + "  - kind: tlb-batch\n    capacity: 8\n", 4, 11),
        ["the same mechanism listed twice"] = ("LMG0013", Barriers + "  - deferred-barriers\n", 4, 5),
        ["unclosed flow list at the end"] = ("LMG0001", "arch: bad\nmechanisms: [deferred-barriers\n", 2, 13),
        ["unclosed flow mapping at the end"] = ("LMG0001", Register + "    levels: { DEFAULT: 0, PGTABLES: 1\n", 5, 13),
        ["missing required parameter of a mechanism whose doc has parentheses"] = ("LMG0012", "arch: bad\nmechanisms:\n  - kind: hypercall-batch\n    arg-bytes: 512\n", 3, 11),
        ["bidi override in summary"] = ("LMG0014", "arch: bad\nsummary: \"admin\u202E txt\"\n", 2, 10),
        ["nesting deeper than 32"] = ("LMG0015", "arch: bad\nsummary: " + new string('[', 40) + new string(']', 40) + "\n", 2, 41),
        ["file over 1,000,000 characters"] = ("LMG0015", "arch: bad\nsummary: " + new string('x', 1_000_000) + "\n", 1, 1),
        ["distinct without mechanisms"] = ("LMG0016", "arch: bad\npause-resume: distinct\nmechanisms: []\n", 2, 15),
        ["write-level not in levels"] = ("LMG0017", "arch: bad\nmechanisms:\n  - kind: register-switch\n    register: POR_EL1\n" +
            "    levels: { DEFAULT: 0, PGTABLES: 1 }\n    write-level: KERNEL\n", 6, 18),
        ["misspelt write-level"] = ("LMG0017", Register + "    levels: { DEFAULT: 0, PGTABLES: 1 }\n    write-level: PGTABLE\n", 6, 18),
        ["alias"] = ("LMG0018", "arch: &a bad\nsummary: *a\n", 2, 10),
        ["duplicate key"] = ("LMG0019", "arch: bad\nsummary: one\narch: again\n", 3, 1),
        ["expected-violation is a scalar"] = ("LMG0002", "arch: bad\nexpected-violation: no arch BUG\n", 2, 21),
        ["expected-violation is a list"] = ("LMG0002", Violation + "  - no arch BUG\n", 3, 3),
        ["expected-violation is empty"] = ("LMG0002", Violation + "mechanisms: []\n", 2, 20),
        ["expected-violation without property"] = ("LMG0003", Violation + "  reason: kept to show the race\n", 3, 3),
        ["expected-violation without reason"] = ("LMG0003", Violation + "  property: no arch BUG\n", 3, 3),
        ["expected-violation with an empty reason"] = ("LMG0003", Violation + "  property: no arch BUG\n  reason: ' '\n", 4, 11),
        ["expected-violation property is a list"] = ("LMG0002", Violation + "  property: [no arch BUG]\n  reason: kept\n", 3, 13),
        ["unknown key in expected-violation"] = ("LMG0004", Violation + "  property: no arch BUG\n  reason: kept\n  severity: high\n", 5, 3),
        ["misspelt key in expected-violation"] = ("LMG0004", Violation + "  property: no arch BUG\n  reason: kept\n  reasons: more\n", 5, 3),
        ["control character in expected-violation reason"] = ("LMG0014", Violation + "  property: no arch BUG\n  reason: \"bell \\a here\"\n", 4, 11),
    };

    /// <summary>
    /// The exact message of the cases whose wording matters: the ones that explain, suggest ("did you mean")
    /// or show the fix. Every other case's message is still checked to be fully formatted.
    /// </summary>
    private static readonly Dictionary<string, string> Messages = new()
    {
        ["YAML syntax error"] = "YAML syntax error: While parsing a block mapping, did not find expected key. Fix the YAML at this position (indentation, quotes, a missing ':').",
        ["key indented under a key that has a value"] = "YAML syntax error: line 3 is indented 2 spaces; its siblings are not indented. Remove its indentation, like its siblings.",
        ["parameter indented deeper than its siblings"] = "YAML syntax error: line 5 is indented 5 spaces; its siblings use 4. Indent it 4 spaces, like its siblings.",
        ["parameter indented shallower than its siblings"] = "YAML syntax error: line 5 is indented 3 spaces; its siblings use 4. Indent it 4 spaces, like its siblings.",
        ["list item indented unlike its siblings"] = "YAML syntax error: line 4 is indented 3 spaces; its siblings use 2. Indent it 2 spaces, like its siblings.",
        ["nested key indented unlike its siblings"] = "YAML syntax error: line 7 is indented 7 spaces; its siblings use 6. Indent it 6 spaces, like its siblings.",
        ["tab as indentation"] = "YAML syntax error: line 3 is indented with a tab; YAML indentation is spaces only. Replace the tab with spaces.",
        ["tab after spaces in indentation"] = "YAML syntax error: line 4 is indented with a tab; YAML indentation is spaces only. Replace the tab with spaces.",
        ["tab in indentation after a tab in block text"] = "YAML syntax error: line 5 is indented with a tab; YAML indentation is spaces only. Replace the tab with spaces.",
        ["reserved arch name"] = "Arch name 'all' is invalid: 'all' is reserved, since the tool's '--arch all' selects every arch; choose a name for what the arch does (e.g. 'riscv-sfence').",
        ["derived type name in use"] = "Type name 'Info' is not usable in C#: the generated code already uses that name (derived from the arch name; set 'type-name'). Add 'type-name: InfoArch' (or another identifier the generated code does not use).",
        ["unknown top-level field"] = "Unknown field 'colour'. " + KnownFields,
        ["misspelt top-level field"] = "Unknown field 'Summary'. Did you mean 'summary'? " + KnownFields,
        ["unknown key in expected-violation"] = "Unknown field 'severity'. Known fields: property, reason.",
        ["misspelt key in expected-violation"] = "Unknown field 'reasons'. Did you mean 'reason'? Known fields: property, reason.",
        ["type-name is all lowercase (CS8981)"] = "Type name 'riscv' is not usable in C#: it has only lowercase ASCII letters, which the compiler warns about "
            + "(CS8981: such names may become C# keywords). Write 'type-name: Riscv' instead.",
        ["type-name is a contextual keyword"] = "Type name 'record' is not usable in C#: it is a contextual C# keyword. Write 'type-name: Record' instead.",
        ["type-name shadows a runtime type"] = "Type name 'PteWrite' is not usable in C#: the generated code already uses that name. "
            + "Use an ASCII identifier such as 'RiscvSfence' that is not a C# keyword.",
        ["unknown mechanism"] = "Unknown mechanism 'no-such-thing'. If it is your own, define it in mechanisms/NAME/mechanism.yaml (docs/mechanisms.md): "
            + "a project takes every mechanisms/ folder in it, and the lazymmu tool the ones under a folder it is given or beside a descriptor file. " + KnownMechanisms,
        ["misspelt mechanism shorthand"] = "Unknown mechanism 'deferred-barrier'. Did you mean 'deferred-barriers'? " + KnownMechanisms,
        ["misspelt mechanism kind"] = "Unknown mechanism 'tlb_batch'. Did you mean 'tlb-batch'? " + KnownMechanisms,
        ["unknown parameter"] = "Mechanism 'deferred-barriers' has no parameter 'colour'. Its parameters: switch-dsb.",
        ["misspelt parameter"] = "Mechanism 'tlb-batch' has no parameter 'flush-key'. Did you mean 'flush-keys'? " + TlbParameters,
        ["parameter of another mechanism"] = "Mechanism 'deferred-barriers' has no parameter 'capacity'. 'capacity' is a parameter of 'tlb-batch': "
            + "move it under that mechanism, or change this 'kind'. Its parameters: switch-dsb.",
        ["parameter of a mechanism that has none"] = "Mechanism 'paravirt-nop' has no parameter 'capacity'. 'capacity' is a parameter of 'tlb-batch': "
            + "move it under that mechanism, or change this 'kind'. Its parameters: none.",
        ["wrong parameter type"] = "Parameter 'switch-dsb' of 'deferred-barriers' must be true or false, but is 'maybe'.",
        ["quoted integer"] = "Parameter 'capacity' of 'tlb-batch' must be an integer in 1..255, but is the string \"64\"; write 64 without quotes.",
        ["quoted boolean"] = "Parameter 'merge' of 'hypercall-batch' must be true or false, but is the string \"true\"; write true without quotes.",
        ["quoted level value"] = "Parameter 'levels.DEFAULT' of 'register-switch' must be an integer 0..15, but is the string \"0\"; write 0 without quotes.",
        ["misspelt flush key"] = FlushKeys + "'page-sise' (did you mean 'page-size'?).",
        ["unknown flush key"] = FlushKeys + "'colour'.",
        ["repeated flush key"] = FlushKeys + "'mm' again; remove the repeated 'mm'.",
        ["missing arch"] = "Required field 'arch' is missing. Add 'arch: bad'.", // the file's name, bad.arch.yaml, less its suffix
        ["mechanism without kind, parameters of one mechanism"] = "Required field 'kind' is missing. Add 'kind: tlb-batch' (capacity, flush-keys are parameters of 'tlb-batch').",
        ["mechanism without kind, parameters of none"] = "Required field 'kind' is missing. Add 'kind: NAME', where NAME is one of: "
            + "deferred-barriers, hypercall-batch, ipte-cache, paravirt-nop, register-switch, tlb-batch.",
        ["mechanism without kind or parameters"] = "Required field 'kind' is missing. Add 'kind: NAME', where NAME is one of: "
            + "deferred-barriers, hypercall-batch, ipte-cache, paravirt-nop, register-switch, tlb-batch.",
        ["two mechanisms claim pte-completion"] = "Mechanism 'tlb-batch' claims 'pte-completion', which 'deferred-barriers' already claims. "
            + "An arch can compose each resource once: drop one of them.",
        ["the same mechanism listed twice"] = "Mechanism 'deferred-barriers' is listed twice (first at line 3), and both would claim 'pte-completion'. "
            + "An arch can compose each resource once: drop one of them.",
        ["unclosed flow list at the end"] = "YAML syntax error: this '[' is never closed: the text ends inside it. Close it with ']' (items are separated by ',').",
        ["unclosed flow mapping at the end"] = "YAML syntax error: this '{' is never closed: the text ends inside it. Close it with '}' (items are separated by ',').",
        ["missing required parameter of a mechanism whose doc has parentheses"] =
            "Mechanism 'hypercall-batch' needs parameter 'entries': Multicall entries per CPU (Xen: 32). Add it under the mechanism.",
        ["misspelt pause-resume value"] = "Expected 'leave-enter' or 'distinct' here but found the scalar 'distinc'. Did you mean 'distinct'?",
        ["write-level not in levels"] = "Level 'KERNEL' is not declared in 'levels' of 'register-switch'. Declared levels: DEFAULT, PGTABLES.",
        ["misspelt write-level"] = "Level 'PGTABLE' is not declared in 'levels' of 'register-switch'. Did you mean 'PGTABLES'? Declared levels: DEFAULT, PGTABLES.",
    };

    /// <summary>Ids covered outside <see cref="Cases"/>, and the one deliberately not covered.</summary>
    private static readonly string[] CoveredElsewhere = { "LMG0007", "LMG0020", "LMG0021", "LMG0022", "LMG0023", "LMG0024", "LMG0025", "LMG0026" };
    private const string Unreachable = "LMG0099";

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ReportsAtYamlPosition(string name)
    {
        var (id, yaml, line, column) = Cases[name];
        var run = Run(Descriptor(Bad, yaml), Descriptor(Companion, CompanionYaml));

        AssertReported(run, $"{id} {Bad}({line},{column})");
        var message = Assert.Single(run.Diagnostics).GetMessage(CultureInfo.InvariantCulture);
        Assert.DoesNotMatch(@"\{\d+\}", message);
        if (Messages.TryGetValue(name, out var expected)) Assert.Equal(expected, message);
        AssertCompanionGenerated(run);
    }

    [Fact]
    public void EveryMessageCaseIsACase() => Assert.All(Messages.Keys, name => Assert.Contains(name, Cases.Keys));

    [Fact]
    public void DuplicateArchNameGoesToTheLaterPath()
    {
        var run = Run(Descriptor("b.arch.yaml", "summary: second\narch: twin\n"), Descriptor("a.arch.yaml", "arch: twin\n"),
            Descriptor(Companion, CompanionYaml));

        AssertReported(run, "LMG0007 b.arch.yaml(2,7)");
        AssertAlsoAt(run, "a.arch.yaml(1,7)");
        AssertMessage(run, $"The arch name 'twin' is already defined in '{PathOf("a.arch.yaml")}' at line 1 (that path sorts first, so it keeps the name). "
            + "Rename this arch (or the other one): arch names are unique in a project.");
        Assert.Contains("Twin.g.cs", run.HintNames);
        AssertCompanionGenerated(run);
    }

    /// <summary>An explicit 'type-name' that clashes is reported at that value, not at the 'arch' line.</summary>
    [Fact]
    public void DuplicateTypeNameGoesToTheLaterPathAtItsTypeName()
    {
        var run = Run(Descriptor("a.arch.yaml", "arch: twin-one\n"), Descriptor("b.arch.yaml", "arch: other\ntype-name: TwinOne\n"),
            Descriptor(Companion, CompanionYaml));

        AssertReported(run, "LMG0007 b.arch.yaml(2,12)");
        AssertAlsoAt(run, "a.arch.yaml(1,7)");
        AssertMessage(run, $"The type name 'TwinOne' is already defined in '{PathOf("a.arch.yaml")}' at line 1 (that path sorts first, so it keeps the name). "
            + "Choose a different 'type-name' here (or rename the other arch's type).");
        Assert.Contains("TwinOne.g.cs", run.HintNames);
        AssertCompanionGenerated(run);
    }

    /// <summary>A derived type name is reported at the 'arch' value it comes from; the other file's explicit 'type-name' is the additional location.</summary>
    [Fact]
    public void DerivedTypeNameClashingWithAnExplicitOneGoesToTheLaterPathAtItsArch()
    {
        var run = Run(Descriptor("b.arch.yaml", "arch: twin\n"), Descriptor("a.arch.yaml", "arch: one\nsummary: First.\ntype-name: Twin\n"),
            Descriptor(Companion, CompanionYaml));

        AssertReported(run, "LMG0007 b.arch.yaml(1,7)");
        AssertAlsoAt(run, "a.arch.yaml(3,12)");
        AssertMessage(run, $"The type name 'Twin' is already defined in '{PathOf("a.arch.yaml")}' at line 3 (that path sorts first, so it keeps the name). "
            + "Rename this arch, or give it a distinct 'type-name'.");
        Assert.Contains("Twin.g.cs", run.HintNames);
        AssertCompanionGenerated(run);
    }

    /// <summary>The docs/diagnostics.md example: 'x86-legacy' sorts before 'x86.' ('-' before '.'), so it keeps X86.</summary>
    [Fact]
    public void DerivedTypeNameClashUsesOrdinalPathOrder()
    {
        var run = Run(Descriptor("x86.arch.yaml", "arch: x86\n"), Descriptor("x86-legacy.arch.yaml", "arch: x-86\n"),
            Descriptor(Companion, CompanionYaml));

        AssertReported(run, "LMG0007 x86.arch.yaml(1,7)");
        AssertAlsoAt(run, "x86-legacy.arch.yaml(1,7)");
        AssertCompanionGenerated(run);
    }

    /// <summary>Every descriptor after the first is reported, each pointing at the first one.</summary>
    [Fact]
    public void EveryLaterDuplicateIsReportedAgainstTheFirst()
    {
        var run = Run(Descriptor("c.arch.yaml", "arch: twin\n"), Descriptor("a.arch.yaml", "arch: twin\n"), Descriptor("b.arch.yaml", "# second\narch: twin\n"),
            Descriptor(Companion, CompanionYaml));

        run.AssertNoCrash();
        Assert.Equal(new[] { "LMG0007 b.arch.yaml(2,7)", "LMG0007 c.arch.yaml(1,7)" }, run.Diagnostics.Select(Describe).Order(StringComparer.Ordinal));
        Assert.All(run.Diagnostics, d => Assert.Equal("a.arch.yaml(1,7)", Describe(Assert.Single(d.AdditionalLocations))));
        AssertCompanionGenerated(run);
    }

    /// <summary>CS8981 is about names of lowercase letters only: one with a digit is accepted, and compiles without that warning.</summary>
    [Fact]
    public void LowercaseTypeNameWithADigitIsAcceptedAndCompilesCleanly()
    {
        var run = Run(Descriptor(Bad, "arch: bad\ntype-name: x86\n"), Descriptor(Companion, CompanionYaml));

        run.AssertNoCrash();
        Assert.Empty(run.Diagnostics);
        Assert.Contains("x86.g.cs", run.HintNames);
        AssertCompanionGenerated(run);
    }

    [Fact]
    public void InvalidNamespaceOptionFallsBackToTheDefault()
    {
        var run = Run(new[] { Descriptor(Companion, CompanionYaml) }, Options("Not A Namespace"));

        run.AssertNoCrash();
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0020", diagnostic.Id);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Contains("namespace LazyMmuGen.Arches", run.Source("Companion.g.cs"));
        AssertCompanionGenerated(run);
    }

    /// <summary>
    /// Built-in templates cannot fail on a valid spec, so LMG0021 is driven through the emitter with a broken
    /// template: strict variables make a typo an error at the template's own line and column, not an empty hole.
    /// </summary>
    [Fact]
    public void TemplateFailureIsReportedAtTheTemplatesLineAndColumn()
    {
        var parsed = DescriptorParser.Parse(PathOf(Bad), SourceText.From("# broken template\narch: bad\n"), Bad, CancellationToken.None);
        var templatePath = PathOf("templates/arch.scriban");
        var templates = new TemplateSet(new Dictionary<string, TemplateSource>
        {
            ["arch"] = new("// line 1\nnamespace {{ namespace }} { struct {{ type_nme }} { } }\n", templatePath),
            ["registry"] = new("", PathOf("templates/registry.scriban")),
        });

        var result = ArchEmitter.Emit(parsed.Spec!, GeneratorOptions.Default, templates, CancellationToken.None);

        Assert.Null(result.Source);
        Assert.Null(result.Entry);
        var diagnostic = Assert.Single(result.Diagnostics).ToDiagnostic();
        Assert.Equal("LMG0021 arch.scriban(2,39)", Describe(diagnostic));
        Assert.Equal(templatePath, diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("type_nme", diagnostic.GetMessage());
    }

    [Fact]
    public void EveryDescriptorReachableFromInputIsCovered()
    {
        var covered = Cases.Values.Select(c => c.Id).Concat(CoveredElsewhere).Append(Unreachable).ToHashSet();
        var missing = DiagnosticDescriptors.All.Select(d => d.Id).Where(id => !covered.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "no test for " + string.Join(", ", missing));
    }

    private static void AssertReported(GeneratorRun run, string expected)
    {
        run.AssertNoCrash();
        Assert.Equal(new[] { expected }, run.Diagnostics.Select(Describe));
        var full = expected.Split(' ')[1].Split('(')[0];
        Assert.Equal(PathOf(full), Assert.Single(run.Diagnostics).Location.GetLineSpan().Path);
    }

    /// <summary>The single diagnostic's one additional location, as "file(line,column)".</summary>
    private static void AssertAlsoAt(GeneratorRun run, string expected)
    {
        var other = Assert.Single(Assert.Single(run.Diagnostics).AdditionalLocations);
        Assert.Equal(expected, Describe(other));
    }

    private static void AssertMessage(GeneratorRun run, string expected) =>
        Assert.Equal(expected, Assert.Single(run.Diagnostics).GetMessage(CultureInfo.InvariantCulture));

    private static void AssertCompanionGenerated(GeneratorRun run)
    {
        Assert.Contains("Companion.g.cs", run.HintNames);
        Assert.Contains("\"companion\"", run.Source(RegistryHint));
        run.AssertCompilesCleanly();
    }

    /// <summary>"LMG0005 bad.arch.yaml(1,7)": id, file name and 1-based line/column (Roslyn's are 0-based).</summary>
    private static string Describe(Diagnostic diagnostic) => $"{diagnostic.Id} {Describe(diagnostic.Location)}";

    /// <summary>"bad.arch.yaml(1,7)".</summary>
    private static string Describe(Location location)
    {
        var span = location.GetLineSpan();
        var start = span.StartLinePosition;
        return $"{Path.GetFileName(span.Path)}({start.Line + 1},{start.Character + 1})";
    }
}
