using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Emit;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using static LazyMmuGen.Generator.Tests.GeneratorHarness;

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

    private static readonly Dictionary<string, (string Id, string Yaml, int Line, int Column)> Cases = new()
    {
        ["YAML syntax error"] = ("LMG0001", "arch: bad\nsummary: x\n  mechanisms: []\n", 3, 13),
        ["root is a list"] = ("LMG0002", "- arch: bad\n", 1, 1),
        ["empty file"] = ("LMG0002", "", 1, 1),
        ["missing arch"] = ("LMG0003", "summary: no name here\n", 1, 1),
        ["unknown top-level field"] = ("LMG0004", "arch: bad\ncolour: red\n", 2, 1),
        ["invalid arch name"] = ("LMG0005", "arch: Bad_Name\n", 1, 7),
        ["type-name is a keyword"] = ("LMG0006", "arch: bad\ntype-name: class\n", 2, 12),
        ["type-name carries code"] = ("LMG0006", "arch: bad\ntype-name: \"Foo { } class Evil\"\n", 2, 12),
        ["type-name shadows a runtime type"] = ("LMG0006", "arch: bad\ntype-name: PteWrite\n", 2, 12),
        ["derived type name is a generated member"] = ("LMG0006", "arch: enter\n", 1, 7),
        ["unknown mechanism"] = ("LMG0008", "arch: bad\nmechanisms:\n  - kind: no-such-thing\n", 3, 11),
        ["unknown parameter"] = ("LMG0009", Barriers + "    colour: red\n", 4, 5),
        ["unknown parameter, CRLF line ends"] = ("LMG0009", (Barriers + "    colour: red\n").Replace("\n", "\r\n"), 4, 5),
        ["wrong parameter type"] = ("LMG0010", Barriers + "    switch-dsb: maybe\n", 4, 17),
        ["capacity 0"] = ("LMG0011", Tlb + "    capacity: 0\n", 4, 15),
        ["capacity 256"] = ("LMG0011", Tlb + "    capacity: 256\n", 4, 15),
        ["missing required parameter"] = ("LMG0012", Tlb, 3, 11),
        ["two mechanisms claim pte-completion"] = ("LMG0013", Barriers + "  - kind: tlb-batch\n    capacity: 8\n", 4, 11),
        ["bidi override in summary"] = ("LMG0014", "arch: bad\nsummary: \"admin\u202E txt\"\n", 2, 10),
        ["nesting deeper than 32"] = ("LMG0015", "arch: bad\nsummary: " + new string('[', 40) + new string(']', 40) + "\n", 2, 41),
        ["file over 1,000,000 characters"] = ("LMG0015", "arch: bad\nsummary: " + new string('x', 1_000_000) + "\n", 1, 1),
        ["distinct without mechanisms"] = ("LMG0016", "arch: bad\npause-resume: distinct\nmechanisms: []\n", 2, 15),
        ["write-level not in levels"] = ("LMG0017", "arch: bad\nmechanisms:\n  - kind: register-switch\n    register: POR_EL1\n" +
            "    levels: { DEFAULT: 0, PGTABLES: 1 }\n    write-level: KERNEL\n", 6, 18),
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
        ["control character in expected-violation reason"] = ("LMG0014", Violation + "  property: no arch BUG\n  reason: \"bell \\a here\"\n", 4, 11),
    };

    /// <summary>Ids covered outside <see cref="Cases"/>, and the one deliberately not covered.</summary>
    private static readonly string[] CoveredElsewhere = { "LMG0007", "LMG0020", "LMG0021", "LMG0022", "LMG0023" };
    private const string Unreachable = "LMG0099";

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ReportsAtYamlPosition(string name)
    {
        var (id, yaml, line, column) = Cases[name];
        var run = Run(Descriptor(Bad, yaml), Descriptor(Companion, CompanionYaml));

        AssertReported(run, $"{id} {Bad}({line},{column})");
        AssertCompanionGenerated(run);
    }

    [Fact]
    public void DuplicateArchNameGoesToTheLaterPath()
    {
        var run = Run(Descriptor("b.arch.yaml", "summary: second\narch: twin\n"), Descriptor("a.arch.yaml", "arch: twin\n"),
            Descriptor(Companion, CompanionYaml));

        AssertReported(run, "LMG0007 b.arch.yaml(2,7)");
        Assert.Contains("Twin.g.cs", run.HintNames);
        AssertCompanionGenerated(run);
    }

    [Fact]
    public void DuplicateTypeNameGoesToTheLaterPath()
    {
        var run = Run(Descriptor("a.arch.yaml", "arch: twin-one\n"), Descriptor("b.arch.yaml", "arch: other\ntype-name: TwinOne\n"),
            Descriptor(Companion, CompanionYaml));

        AssertReported(run, "LMG0007 b.arch.yaml(1,7)");
        Assert.Contains("TwinOne.g.cs", run.HintNames);
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

    /// <summary>Built-in templates cannot fail on a valid spec, so LMG0021 is driven through the emitter with a broken template.</summary>
    [Fact]
    public void TemplateFailureIsReportedAtTheArchName()
    {
        var path = PathOf(Bad);
        var parsed = DescriptorParser.Parse(path, SourceText.From("# broken template\narch: bad\n"), Bad, CancellationToken.None);
        var templates = new TemplateSet(new Dictionary<string, string> { ["arch.hbs"] = "{{> no-such-partial}}", ["registry.hbs"] = "" });

        var result = ArchEmitter.Emit(parsed.Spec!, GeneratorOptions.Default, templates, CancellationToken.None);

        Assert.Null(result.Source);
        Assert.Null(result.Entry);
        Assert.Equal($"LMG0021 {Bad}(2,7)", Describe(Assert.Single(result.Diagnostics).ToDiagnostic()));
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

    private static void AssertCompanionGenerated(GeneratorRun run)
    {
        Assert.Contains("Companion.g.cs", run.HintNames);
        Assert.Contains("\"companion\"", run.Source(RegistryHint));
        run.AssertCompilesCleanly();
    }

    /// <summary>"LMG0005 bad.arch.yaml(1,7)": id, file name and 1-based line/column (Roslyn's are 0-based).</summary>
    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var start = span.StartLinePosition;
        return $"{diagnostic.Id} {Path.GetFileName(span.Path)}({start.Line + 1},{start.Character + 1})";
    }
}
