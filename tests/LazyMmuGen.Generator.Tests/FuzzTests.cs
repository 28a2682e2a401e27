using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LazyMmuGen.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;
using static LazyMmuGen.Tests.Shared.GeneratorHarness;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// Hostile input: seeded, deterministic mutation of the built-in descriptors (and of random descriptors
/// built from the mechanism catalog) with YAML edits, huge numbers, deep nesting, unicode (bidi, line
/// separators, surrogates), control characters, C# keywords and code fragments in every string.
/// For every case: the generator never throws (no exception, no CS8785, no LMG0099); a rejected descriptor
/// has at least one LMG error, each located inside its own file; an accepted descriptor's output compiles
/// with no error and no warning. <c>LAZYMMU_FUZZ_CASES</c> (default 3000) and <c>LAZYMMU_FUZZ_SEED</c> scale
/// and vary the run; a failure names the seed and case index, which reproduce it exactly.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 3000;
    private const int DefaultSeed = 7_2026;

    /// <summary>Cases run together in one generator run and one compilation (each has its own arch name).</summary>
    private const int BatchSize = 30;

    [Fact]
    public void MutatedDescriptorsNeverCrashAndAreEitherCompiledOrRejectedInTheirFile()
    {
        var cases = EnvInt("LAZYMMU_FUZZ_CASES", DefaultCases);
        var seed = EnvInt("LAZYMMU_FUZZ_SEED", DefaultSeed);
        var fuzzer = new DescriptorFuzzer(RepoPaths.BuiltinDescriptors().Select(d => RepoPaths.Builtin(d).GetText().ToString()).ToList());
        var batches = (cases + BatchSize - 1) / BatchSize;
        var results = new (int Accepted, int Rejected, List<string> Failures)[batches];
        var failed = 0;

        // Batches are independent, so they run in parallel; results are merged in case order, so the report
        // does not depend on scheduling. Compiling the accepted output is most of the cost.
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, b =>
        {
            var failures = new List<string>();
            if (Volatile.Read(ref failed) >= 5)
            {
                results[b] = (0, 0, failures);
                return;
            }
            var start = b * BatchSize;
            var batch = Enumerable.Range(start, Math.Min(BatchSize, cases - start)).Select(i => fuzzer.Case(seed, i)).ToList();
            var (a, r) = CheckBatch(batch, seed, failures);
            results[b] = (a, r, failures);
            Interlocked.Add(ref failed, failures.Count);
        });
        var accepted = results.Sum(r => r.Accepted);
        var rejected = results.Sum(r => r.Rejected);
        var failures = results.SelectMany(r => r.Failures).Take(10).ToList();

        output.WriteLine($"seed {seed}: {cases} cases, {accepted} accepted and compiled, {rejected} rejected with located LMG errors");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        // The fuzzer must exercise both sides, or it proves little.
        Assert.True(accepted >= cases / 10, $"only {accepted} of {cases} cases were accepted");
        Assert.True(rejected >= cases / 10, $"only {rejected} of {cases} cases were rejected");
    }

    /// <summary>
    /// Inputs the fuzzer found that broke the generator, reduced: YamlDotNet's scanner throws
    /// InvalidOperationException (not YamlException) on an unclosed flow mapping at the end of the text,
    /// which became LMG0099; and its marks at the very end of a text point past it (a line after the last
    /// one, an offset beyond the end), which put LMG0001/LMG0002 outside the file.
    /// </summary>
    [Theory]
    [InlineData("arch: gen\nsummary: {\npause \"\"", "LMG0001", 2, 10)]
    [InlineData("arch: gen\nsummary: {{ x\uFEFF y\nmechanisms: []\n", "LMG0001", 2, 10)]
    // Since an unclosed '[' or '{' at the end is reported at that bracket (not at the end of the text): 4,13.
    [InlineData("arch: gen\nmechanisms:\n  - kind: register-switch\n    levels: { A: 7, B: 9 ", "LMG0001", 4, 13)]
    [InlineData("# a comment\n---", "LMG0002", 2, 4)]
    [InlineData("# a comment\n---\n", "LMG0002", 3, 1)]
    public void FoundByFuzzing(string yaml, string id, int line, int column)
    {
        var run = Run(Descriptor("found.arch.yaml", yaml));

        run.AssertNoCrash();
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Null(LocationProblem(yaml, diagnostic.Location));
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (start.Line + 1, start.Character + 1));
    }

    /// <summary>
    /// Found by coverage-guided fuzzing (fuzz/run.sh, docs/fuzzing.md; six afl "hangs", one bug): a reserved YAML
    /// directive ("%FOO bar") on the unterminated last line of a text whose length is a multiple of 1024 made
    /// YamlDotNet's scanner step past the end of its buffer and loop some 2^32 times (12 s, 42 s instrumented)
    /// before it came back with a wrong LMG0001. Each case is the afl input reduced: a padding comment that only
    /// sets the length, then the lines that matter (the fifth keeps afl's own last line). Fixed, the length makes
    /// no difference: a reserved directive is ignored as at any other length, so the text is accepted or refused
    /// for what else it says, at once. <paramref name="id"/> null: accepted, and its output compiles cleanly.
    /// </summary>
    [Theory]
    [InlineData(1024, "arch: gen\n%FOO bar", null, 0, 0)]
    [InlineData(2048, "arch: gen\n%FOO bar", null, 0, 0)]
    [InlineData(1024, "arch: gen\r\n%FOO bar", null, 0, 0)]
    [InlineData(1024, "arch: gen\nsummary: x86 Xen PV\n%xpecte\0-violation:\u000F  property: no ", null, 0, 0)]
    [InlineData(1024, "arch: Gen\n%FOO bar", "LMG0005", 2, 7)]
    [InlineData(1024, "%FOO bar", "LMG0002", 1, 1)]
    [InlineData(3072, "arch: gen\nmechanisms:\n  - kind: tlb-batch\n%x generic(layer, a task ", "LMG0012", 4, 11)]
    public async Task ReservedDirectiveAtTheEndOfABlockOfText(int length, string tail, string? id, int line, int column)
    {
        static string Padded(int length, string tail) => "#" + new string('x', length - tail.Length - 2) + "\n" + tail;
        static List<(string, int, int)> Outcome(GeneratorRun run) => run.Diagnostics
            .Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Location.GetLineSpan().StartLinePosition.Character + 1))
            .ToList();
        var yaml = Padded(length, tail);
        Assert.Equal(length, yaml.Length);

        // Bounded (TimeoutException), so that the bug coming back fails this test instead of stalling the suite.
        var run = await Task.Run(() => Run(Descriptor("found.arch.yaml", yaml))).WaitAsync(TimeSpan.FromSeconds(60));
        // The same lines one character shorter, a length YamlDotNet always handled.
        var control = Run(Descriptor("found.arch.yaml", Padded(length - 1, tail)));

        run.AssertNoCrash();
        Assert.Equal(Outcome(control), Outcome(run));
        if (id is null)
        {
            Assert.Empty(run.Diagnostics);
            Assert.Contains("Gen.g.cs", run.HintNames);
            run.AssertCompilesCleanly();
            return;
        }
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Null(LocationProblem(yaml, diagnostic.Location));
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (start.Line + 1, start.Character + 1));
    }

    /// <summary>The fuzzer is deterministic: the same seed and index give the same descriptor.</summary>
    [Fact]
    public void CasesAreReproducible()
    {
        var builtins = RepoPaths.BuiltinDescriptors().Select(d => RepoPaths.Builtin(d).GetText().ToString()).ToList();
        var first = Enumerable.Range(0, 50).Select(i => new DescriptorFuzzer(builtins).Case(DefaultSeed, i).Yaml).ToList();
        var second = Enumerable.Range(0, 50).Select(i => new DescriptorFuzzer(builtins).Case(DefaultSeed, i).Yaml).ToList();
        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 45);
    }

    private static (int Accepted, int Rejected) CheckBatch(List<FuzzCase> batch, int seed, List<string> failures)
    {
        GeneratorRun run;
        try
        {
            run = Run(batch.Select(c => (AdditionalText)Descriptor(c.FileName, c.Yaml)).ToArray());
        }
        catch (Exception e)
        {
            failures.Add(Describe(seed, batch, "the generator driver threw " + e));
            return (0, 0);
        }

        var byPath = batch.ToDictionary(c => PathOf(c.FileName), StringComparer.Ordinal);
        var crash = run.Generator.Exception?.ToString()
            ?? run.DriverDiagnostics.FirstOrDefault(d => !d.Id.StartsWith("LMG", StringComparison.Ordinal))?.ToString();
        if (crash is not null)
        {
            failures.Add(Describe(seed, batch, "generator crash: " + crash));
            return (0, 0);
        }
        foreach (var internalError in run.Diagnostics.Where(d => d.Id == "LMG0099"))
        {
            var owner = byPath.GetValueOrDefault(internalError.Location.GetLineSpan().Path ?? "");
            failures.Add(Describe(seed, owner is null ? batch : [owner], "internal generator error: " + internalError));
        }
        if (failures.Count > 0) return (0, 0);

        var rejectedPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in run.Diagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            if (diagnostic.Location.Kind != LocationKind.ExternalFile || span.Path is null || !byPath.TryGetValue(span.Path, out var owner))
            {
                failures.Add(Describe(seed, batch, $"diagnostic without a location in a descriptor: {diagnostic}"));
                continue;
            }
            rejectedPaths.Add(span.Path);
            if (LocationProblem(owner.Yaml, diagnostic.Location) is { } problem)
                failures.Add(Describe(seed, [owner], $"{diagnostic.Id} {problem}: {diagnostic}"));
        }

        var archSources = run.Generator.GeneratedSources.Where(s => s.HintName != RegistryHint && s.HintName != LazyMmuGen.Generator.Emit.PlaceholderEmitter.HintName).ToList();
        var acceptedCount = batch.Count - rejectedPaths.Count;
        if (archSources.Count != acceptedCount)
        {
            failures.Add(Describe(seed, batch,
                $"{archSources.Count} arch sources for {acceptedCount} descriptors without diagnostics: a descriptor was dropped silently or generated despite an error"));
        }

        var problems = run.CompileProblems();
        if (problems.Count > 0)
        {
            // Name the descriptor whose generated file holds the first problem ("Generated ... from fuzz-17.arch.yaml").
            var tree = problems[0].Location.SourceTree;
            var match = tree is null ? Match.Empty : Regex.Match(tree.ToString(), @"from (fuzz-(\d+)[^ ]*\.arch\.yaml)");
            var culprit = match.Success ? batch.Where(c => c.Index == int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)).ToList() : batch;
            failures.Add(Describe(seed, culprit.Count > 0 ? culprit : batch,
                $"accepted descriptor's output does not compile cleanly ({problems.Count} problems):\n  " + string.Join("\n  ", problems.Take(5))));
        }
        return (acceptedCount, rejectedPaths.Count);
    }

    /// <summary>Null when the location is inside the text (a line that exists, a column within that line, a span within the text) and its line/column agree with its offsets.</summary>
    private static string? LocationProblem(string yaml, Location location)
    {
        var text = SourceText.From(yaml);
        var lineSpan = location.GetLineSpan().Span;
        var span = location.SourceSpan;
        if (span.Start < 0 || span.End > text.Length) return $"span {span} outside the text (length {text.Length})";
        foreach (var position in new[] { lineSpan.Start, lineSpan.End })
        {
            if (position.Line < 0 || position.Line >= text.Lines.Count) return $"line {position.Line + 1} outside the text ({text.Lines.Count} lines)";
            // The end of a line (just past its last character) is a valid caret position.
            if (position.Character < 0 || position.Character > text.Lines[position.Line].Span.Length)
                return $"column {position.Character + 1} outside line {position.Line + 1} (length {text.Lines[position.Line].Span.Length})";
        }
        // Line/column and offsets must also agree (as the compiler counts lines), or an editor and the build log point at different places.
        if (text.Lines.GetLinePositionSpan(span) != lineSpan)
            return $"line span {lineSpan} differs from the offsets' {text.Lines.GetLinePositionSpan(span)}";
        return null;
    }

    private static string Describe(int seed, IEnumerable<FuzzCase> cases, string what) =>
        $"seed {seed}: {what}\n" + string.Join("\n", cases.Select(c =>
            $"  case {c.Index} ({c.Recipe}), {c.FileName}: {(c.Yaml.Length > 2000 ? CSharpText.Literal(c.Yaml.Substring(0, 2000)) + "..." : CSharpText.Literal(c.Yaml))}"));

    internal static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

/// <summary>One fuzz case: a descriptor file, and how it was made (for the failure message).</summary>
public sealed record FuzzCase(int Index, string FileName, string Yaml, string Recipe);

/// <summary>
/// Deterministic descriptor mutator. Each case has its own <see cref="Random"/> seeded from (seed, index),
/// so a case does not depend on the ones before it. Arch names get a per-case suffix so a batch of cases
/// does not collide on names (collisions still happen through mutations, and are checked like any error).
/// </summary>
public sealed class DescriptorFuzzer(IReadOnlyList<string> builtins)
{
    private static readonly string[] Keywords =
    [
        "class", "default", "__arglist", "record", "async", "file", "required", "var", "dynamic", "nint", "value",
        "this", "base", "null", "true", "false", "global", "namespace", "void", "unmanaged", "notnull", "managed",
        "field", "extension", "scoped", "nameof", "when", "args", "_", "__", "riscv", "x", "arm64", "Arm64Kpkeys", "X86Xen2025",
    ];

    /// <summary>Identifiers the generated code and the runtime use: a type, register or level with one of these names must not break it.</summary>
    private static readonly string[] Clashes =
    [
        "Enter", "Leave", "Flush", "Pause", "Resume", "Ctx", "Pte", "PteWrite", "Machine", "TaskState", "CpuState",
        "LazyMmuArchRegistry", "System", "Effect", "Inline", "Hot", "c", "w", "id", "active", "All", "Find", "options",
        "ArchInfo", "LazyMmuGen", "Runtime", "Arches", "Object", "String", "TlbBatch", "Tlb", "Cache", "Multicalls",
        "BarriersPending", "SavedPOR_EL1", "switchedPOR_EL1", "Name", "ArchName", "InitTask", "InitCpu", "SetPte", "GetPte",
        "SwitchIn", "SwitchOut", "Pinned", "Range", "Task", "Cpu", "Arm64", "X86Xen", "PinCache", "WriteBackCache",
        "ExpectedViolation",
    ];

    private static readonly string[] Code =
    [
        "\"); System.Environment.Exit(1); //", "*/ } class Evil { } /*", "</summary> } class Evil { } /// <summary>",
        "{{namespace}}", "{{{typeName}}}", "{{#each arches}}x{{/each}}", "{{> [tlb-batch/leave]}}", "{{", "}}", "{{!",
        "#if DEBUG", "#error x", "@\"x\"", "$\"{System.Environment.Exit(1)}\"", "\"\"\"", "/* open", "// line",
        "\\u0022); //", "global::System.Console.WriteLine()", "A;B", "A.B", "A<B>", "x => x", "#pragma warning disable",
        "<![CDATA[", "&amp;", "]]>", "\\", "\\\\\"", "'", "''", "`rm -rf /`", "%(Name)", "$(ProjectDir)", "@(Compile)",
    ];

    private static readonly string[] Unicode =
    [
        "\u202E", "\u2066x\u2069", "\u200E", "\u200F", "\u061C", "\u2028", "\u2029", "\u0085", "\uFEFF", "\u200B",
        "caf\u00E9", "\U0001F600", "\uD800", "\uDC00", "x\uD800y", "\uFF21\uFF52\uFF4D", "\u01C5", "\u0130", "\u00DF",
        "\uFB00", "\u05E9\u05DC\u05D5\u05DD", "\u0627\u0644\u0633", "\u00A0", "\u3000", "\uFFFE", "\uFFFF", "a\u0301",
        "\u0410rm64", "\u2060", "\u180E", "\u1680",
    ];

    private static readonly string[] Controls =
        ["\0", "\u0001", "\u0007", "\u001B[31m", "\u007F", "\u009F", "\t", "\r", "\v", "\f", "\b", "\u0080"];

    private static readonly string[] Numbers =
    [
        "0", "-1", "+7", "007", "1_000", "0x7F", "0o17", "1e2", "1.0", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "99999999999999999999999999999999999999", ".inf", "-.inf", ".nan", "NaN", "1", "15", "16",
        "64", "192", "255", "256", "4096", "4097", "65536", "65537", "2147483648", "-0", "+0", "0000000000000000000032",
    ];

    private static readonly string[] Scalars =
    [
        "true", "TRUE", "False", "yes", "no", "on", "~", "null", "NULL", "", "''", "\"\"", "*a", "&a x", "!tag x", "!!str 7",
        "!!int 7", "!!binary aGk=", "|", ">", "|-", "[a, b]", "{a: 1}", "- x", "? x", ": x", "#x", "%", "@", "`", "[", "]",
        "{", "}", ",", "---", "...", "<<", "=", "!", "&", "*",
    ];

    private static readonly string[] Kinds = ["deferred-barriers", "tlb-batch", "hypercall-batch", "ipte-cache", "register-switch"];
    private static readonly string[] Completion = ["deferred-barriers", "tlb-batch", "hypercall-batch", "ipte-cache"];
    private static readonly string[] FlushKeys = ["mm", "page-size", "segment-size", "huge-page-shift"];

    private static readonly string[] KnownKeys =
    [
        "arch", "summary", "type-name", "pause-resume", "mechanisms", "kind", "capacity", "flush-keys", "preempt",
        "switch-dsb", "entries", "arg-bytes", "update-bytes", "merge", "tolerant-enter", "max-ipte-entries",
        "table-entries", "register", "levels", "default-level", "write-level", "expected-violation", "property", "reason",
    ];

    private static readonly string[] Lines =
    [
        "  - kind: tlb-batch", "    capacity: 300", "    capacity: 8", "type-name: Fuzzed", "pause-resume: distinct",
        "pause-resume: leave-enter", "summary: again", "mechanisms:", "mechanisms: []", "  - deferred-barriers", "  - ipte-cache",
        "    register: POR_EL1", "    levels: {A: 1}", "    levels: { DEFAULT: 0, PGTABLES: 1 }", "  - kind: register-switch",
        "- ", "? [a]: b", "? a", "&a x: 1", "x: *a", "---", "...", "<<: *a", "%YAML 1.2", "%TAG ! tag:x,2000:",
        "key: |", "  block text", "x: !!binary aGk=", "\t- tab", "  -", "  - kind:", "  - kind: [a]", "  - {kind: ipte-cache}",
        "    flush-keys: [mm, mm]", "    flush-keys: []", "    flush-keys: mm", "arch: second", "#", "'quoted key': 1",
        "\"dq\\u202Ekey\": 1", "mechanisms: !!map {}", "x: [[[[[[]]]]]]", "x: {a: {b: {c: {}}}}",
        "expected-violation:", "  property: no arch BUG", "  reason: kept to show the race", "expected-violation: {property: p, reason: r}",
    ];

    private static readonly string YamlChars = ":-[]{}#&*!|>'\"%@`,? \t\n\r\\~=<.";

    public FuzzCase Case(int seed, int index)
    {
        var rng = new Random(unchecked(seed * 1_000_003 + index * 7_919));
        var recipe = new List<string>();
        string yaml;
        if (rng.Next(100) < 55)
        {
            var source = rng.Next(builtins.Count);
            yaml = Regex.Replace(builtins[source], @"^arch: *([a-z0-9-]+) *$", "arch: $1-f" + index, RegexOptions.Multiline);
            recipe.Add("builtin#" + source);
        }
        else
        {
            yaml = Structured(rng, index);
            recipe.Add("structured");
        }
        // Structured descriptors stay unmutated a third of the time so plenty of valid, varied input reaches the templates.
        var mutations = recipe[0] == "structured" && rng.Next(3) == 0 ? 0 : 1 + rng.Next(rng.Next(4) == 0 ? 8 : 3);
        for (var m = 0; m < mutations; m++)
        {
            var (name, result) = Mutate(rng, yaml);
            yaml = result;
            recipe.Add(name);
        }
        var file = rng.Next(40) == 0 ? $"fuzz-{index}-{Pick(rng, ["\u202E}x", "a b", "#{", "\u2028", "evil\n} //", "\u00E9"])}.arch.yaml" : $"fuzz-{index}.arch.yaml";
        return new FuzzCase(index, file, yaml, string.Join("+", recipe));
    }

    // ---- random descriptors built from the catalog: mostly valid, so the templates get varied input ----

    private static string Structured(Random rng, int index)
    {
        var b = new StringBuilder();
        if (rng.Next(4) == 0) b.Append("# yaml-language-server: $schema=../schema/arch.schema.json\n");
        b.Append("arch: gen-").Append(RandomArchWord(rng)).Append("-f").Append(index).Append('\n');
        if (rng.Next(3) == 0) b.Append("type-name: ").Append(rng.Next(3) == 0 ? Pick(rng, Clashes) : RandomIdentifier(rng, upper: true) + "F" + index).Append('\n');
        if (rng.Next(2) == 0) b.Append("summary: ").Append(Quote(rng, RandomText(rng))).Append('\n');
        if (rng.Next(4) == 0) b.Append("pause-resume: ").Append(rng.Next(2) == 0 ? "distinct" : "leave-enter").Append('\n');
        // Values one level down: continuation lines (block scalars) indented under their key.
        if (rng.Next(5) == 0)
            b.Append("expected-violation:\n  property: ").Append(rng.Next(2) == 0 ? "no arch BUG" : Quote(rng, RandomText(rng)).Replace("\n", "\n  "))
                .Append("\n  reason: ").Append(Quote(rng, RandomText(rng)).Replace("\n", "\n  ")).Append('\n');
        var mechanisms = new List<string>();
        if (rng.Next(5) > 0) mechanisms.Add(Pick(rng, Completion));
        for (var r = rng.Next(3); r > 0; r--) mechanisms.Add("register-switch");
        if (rng.Next(10) == 0) mechanisms.Add(Pick(rng, Kinds));
        Shuffle(rng, mechanisms);
        if (mechanisms.Count == 0)
        {
            b.Append(Pick(rng, ["mechanisms: []\n", "mechanisms:\n", ""]));
            return b.ToString();
        }
        b.Append("mechanisms:\n");
        var usedRegisters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in mechanisms) AppendMechanism(rng, b, kind, usedRegisters);
        return b.ToString();
    }

    private static void AppendMechanism(Random rng, StringBuilder b, string kind, HashSet<string> usedRegisters)
    {
        if ((kind is "deferred-barriers" or "ipte-cache") && rng.Next(3) == 0)
        {
            b.Append("  - ").Append(kind).Append('\n');
            return;
        }
        b.Append("  - kind: ").Append(kind).Append('\n');
        void Param(string name, string value)
        {
            if (rng.Next(5) > 0) b.Append("    ").Append(name).Append(": ").Append(value).Append('\n');
        }
        switch (kind)
        {
            case "deferred-barriers":
                Param("switch-dsb", Bool(rng));
                break;
            case "tlb-batch":
                b.Append("    capacity: ").Append(rng.Next(1, 256)).Append('\n');
                var keys = FlushKeys.Where(_ => rng.Next(2) == 0).ToList();
                if (keys.Count == 0) keys.Add(Pick(rng, FlushKeys));
                Param("flush-keys", keys.Count == 1 && rng.Next(2) == 0 ? keys[0] : "[" + string.Join(", ", keys) + "]");
                Param("preempt", Bool(rng));
                break;
            case "hypercall-batch":
                var argBytes = rng.Next(1, 65537);
                b.Append("    entries: ").Append(rng.Next(1, 256)).Append('\n');
                b.Append("    arg-bytes: ").Append(argBytes).Append('\n');
                Param("update-bytes", rng.Next(1, Math.Min(argBytes, 4096) + 1).ToString(CultureInfo.InvariantCulture));
                Param("merge", Bool(rng));
                Param("tolerant-enter", Bool(rng));
                break;
            case "ipte-cache":
                Param("max-ipte-entries", rng.Next(1, 257).ToString(CultureInfo.InvariantCulture));
                Param("table-entries", rng.Next(1, 4097).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                string register;
                do register = rng.Next(3) == 0 ? Pick(rng, Clashes) : RandomIdentifier(rng, upper: rng.Next(2) == 0);
                while (!usedRegisters.Add(register));
                b.Append("    register: ").Append(register).Append('\n');
                var levels = new List<string>();
                for (var n = rng.Next(0, 4); n > 0; n--) levels.Add(rng.Next(3) == 0 ? Pick(rng, Clashes) : RandomIdentifier(rng, upper: true));
                var useDefaults = rng.Next(2) == 0;
                if (useDefaults) levels.AddRange(["DEFAULT", "PGTABLES"]);
                if (levels.Count == 0) levels.Add("ONLY");
                levels = levels.Distinct(StringComparer.Ordinal).ToList();
                b.Append("    levels: { ").Append(string.Join(", ", levels.Select(l => l + ": " + rng.Next(16)))).Append(" }\n");
                if (!useDefaults || rng.Next(2) == 0)
                {
                    b.Append("    default-level: ").Append(Pick(rng, levels)).Append('\n');
                    b.Append("    write-level: ").Append(Pick(rng, levels)).Append('\n');
                }
                break;
        }
    }

    // ---- mutations of YAML text ----

    private static (string Name, string Yaml) Mutate(Random rng, string yaml)
    {
        var lines = yaml.Split('\n').ToList();
        int AnyLine() => rng.Next(lines.Count);
        switch (rng.Next(20))
        {
            case 0:
            case 1:
            case 2:
            {
                // Replace a value (after "key:" or "- ") with something hostile, in a random quoting style.
                var candidates = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains(':') || x.l.TrimStart().StartsWith('-')).ToList();
                if (candidates.Count == 0) goto default;
                var (line, at) = candidates[rng.Next(candidates.Count)];
                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                var cut = colon >= 0 ? colon + 2 : line.EndsWith(':') ? line.Length : line.IndexOf('-') + 1;
                var prefix = line.Substring(0, cut);
                if (!prefix.EndsWith(' ')) prefix += " ";
                lines[at] = prefix + Quote(rng, Hostile(rng));
                return ("value", Join(lines));
            }
            case 3:
            {
                // Replace a key with a hostile or another known key.
                var keyed = lines.Select((l, i) => (l, i)).Where(x => Regex.IsMatch(x.l, @"^\s*(- )?[A-Za-z0-9_-]+:")).ToList();
                if (keyed.Count == 0) goto default;
                var (line, at) = keyed[rng.Next(keyed.Count)];
                var key = rng.Next(2) == 0 ? Pick(rng, KnownKeys) : Quote(rng, Hostile(rng));
                lines[at] = Regex.Replace(line, @"^(\s*(- )?)[A-Za-z0-9_-]+:", m => m.Groups[1].Value + key + ":");
                return ("key", Join(lines));
            }
            case 4:
                lines.Insert(rng.Next(lines.Count + 1), new string(' ', rng.Next(3) * 2) + Pick(rng, Lines));
                return ("insert-line", Join(lines));
            case 5:
                if (lines.Count > 1) lines.RemoveAt(AnyLine());
                return ("delete-line", Join(lines));
            case 6:
            {
                var at = AnyLine();
                lines.Insert(at, lines[at]);
                return ("duplicate-line", Join(lines));
            }
            case 7:
            {
                int a = AnyLine(), b = AnyLine();
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return ("swap-lines", Join(lines));
            }
            case 8:
            {
                var at = rng.Next(yaml.Length + 1);
                var insert = new StringBuilder();
                for (var n = rng.Next(1, 6); n > 0; n--)
                    insert.Append(rng.Next(3) == 0 ? Pick(rng, Unicode.Concat(Controls).ToArray()) : YamlChars[rng.Next(YamlChars.Length)].ToString());
                return ("insert-chars", yaml.Insert(at, insert.ToString()));
            }
            case 9:
            {
                if (yaml.Length == 0) goto default;
                var at = rng.Next(yaml.Length);
                return ("delete-chars", yaml.Remove(at, Math.Min(yaml.Length - at, rng.Next(1, 12))));
            }
            case 10:
                return ("truncate", yaml.Substring(0, rng.Next(yaml.Length + 1)));
            case 11:
            {
                var at = AnyLine();
                var line = lines[at];
                lines[at] = rng.Next(3) switch
                {
                    0 => new string(' ', rng.Next(1, 5)) + line,
                    1 => line.TrimStart(),
                    _ => "\t" + line,
                };
                return ("indent", Join(lines));
            }
            case 12:
                return ("deep-nesting", ReplaceSomeValue(rng, lines, Nested(rng)));
            case 13:
                return ("huge-number", ReplaceSomeValue(rng, lines, Pick(rng, Numbers)));
            case 14:
                return rng.Next(4) switch
                {
                    0 => ("crlf", yaml.Replace("\n", "\r\n")),
                    1 => ("cr", yaml.Replace("\n", "\r")),
                    2 => ("bom", "\uFEFF" + yaml),
                    _ => ("line-separators", yaml.Replace("\n", Pick(rng, ["\u2028", "\u2029", "\u0085"]))),
                };
            case 15:
            {
                // Repetition: many mechanisms, many keys, a long line.
                var at = AnyLine();
                var times = rng.Next(2, rng.Next(10) == 0 ? 400 : 20);
                for (var n = 0; n < times; n++) lines.Insert(at, lines[at]);
                return ("repeat-line", Join(lines));
            }
            case 16:
            {
                // A whole extra mechanism (mostly valid), to build compositions the built-ins do not have.
                var b = new StringBuilder();
                AppendMechanism(rng, b, Pick(rng, Kinds), new HashSet<string>());
                var text = yaml.Contains("mechanisms:", StringComparison.Ordinal) && !yaml.Contains("mechanisms: []", StringComparison.Ordinal)
                    ? yaml.TrimEnd('\n') + "\n" + b
                    : Regex.Replace(yaml, @"^mechanisms:.*$", "", RegexOptions.Multiline).TrimEnd('\n') + "\nmechanisms:\n" + b;
                return ("add-mechanism", text);
            }
            case 17:
                return ("summary", Regex.Replace(yaml, @"^summary:.*$", "summary: " + Quote(rng, RandomText(rng)).Replace("$", "$$"), RegexOptions.Multiline));
            case 18:
                // Very rarely, the size limit: a file of more than 1,000,000 characters.
                if (rng.Next(25) > 0) goto default;
                return ("oversize", yaml + "\n# " + new string('x', 1_000_001));
            default:
            {
                var at = AnyLine();
                lines[at] = lines[at] + " " + Quote(rng, Hostile(rng));
                return ("append", Join(lines));
            }
        }
    }

    private static string ReplaceSomeValue(Random rng, List<string> lines, string value)
    {
        var candidates = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains(": ", StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            lines.Add("summary: " + value);
            return Join(lines);
        }
        var (line, at) = candidates[rng.Next(candidates.Count)];
        lines[at] = line.Substring(0, line.IndexOf(": ", StringComparison.Ordinal) + 2) + value;
        return Join(lines);
    }

    private static string Nested(Random rng)
    {
        var depth = rng.Next(1, rng.Next(3) == 0 ? 80 : 36);
        return rng.Next(3) switch
        {
            0 => new string('[', depth) + Pick(rng, ["", "1", "a", "mm"]) + new string(']', depth),
            1 => string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth),
            _ => "\n" + string.Concat(Enumerable.Range(1, depth).Select(d => new string(' ', d * 2) + "- ")) + "x",
        };
    }

    private static string Hostile(Random rng) => rng.Next(9) switch
    {
        0 => Pick(rng, Keywords),
        1 => Pick(rng, Clashes),
        2 => Pick(rng, Code),
        3 => Pick(rng, Unicode),
        4 => Pick(rng, Controls),
        5 => Pick(rng, Numbers),
        6 => Pick(rng, Scalars),
        7 => rng.Next(2) == 0 ? Pick(rng, Kinds) : Pick(rng, FlushKeys),
        _ => rng.Next(4) switch
        {
            0 => RandomText(rng),
            1 => RandomIdentifier(rng, upper: rng.Next(2) == 0),
            2 => new string(Pick(rng, ['x', 'A', '9', '-', ' ']), rng.Next(60, rng.Next(5) == 0 ? 20_000 : 200)),
            _ => Pick(rng, Keywords) + Pick(rng, Code) + Pick(rng, Unicode),
        },
    };

    /// <summary>The value as YAML: raw (may break the YAML, on purpose), single- or double-quoted, or a block scalar.</summary>
    private static string Quote(Random rng, string value) => rng.Next(5) switch
    {
        0 or 1 => value,
        2 => "'" + value.Replace("'", "''") + "'",
        3 => DoubleQuoted(rng, value),
        _ => (rng.Next(2) == 0 ? "|" : ">") + "\n  " + value.Replace("\n", "\n  "),
    };

    private static string DoubleQuoted(Random rng, string value)
    {
        var b = new StringBuilder("\"");
        foreach (var ch in value)
        {
            if (ch == '"' || ch == '\\') b.Append('\\').Append(ch);
            else if (ch < 0x20 || ch is >= '\u007F' and <= '\u009F' || ch is '\u2028' or '\u2029' || char.IsSurrogate(ch) || rng.Next(8) == 0 && ch > 0x7E)
                b.Append(ch <= 0xFF && rng.Next(2) == 0 ? $"\\x{(int)ch:X2}" : $"\\u{(int)ch:X4}");
            else b.Append(ch);
        }
        return b.Append('"').ToString();
    }

    private static string RandomText(Random rng)
    {
        var b = new StringBuilder();
        for (var n = rng.Next(0, 8); n > 0; n--)
        {
            b.Append(rng.Next(6) switch
            {
                0 => Pick(rng, Code),
                1 => Pick(rng, Unicode),
                2 => Pick(rng, Keywords),
                3 when rng.Next(4) == 0 => Pick(rng, Controls),
                _ => Pick(rng, ["Batches", "sfence.vma", "per CPU", "64 at a time", "flushing", "<T>", "&", "x < y", "100%"]),
            }).Append(' ');
        }
        return b.ToString().Trim();
    }

    private static string RandomIdentifier(Random rng, bool upper)
    {
        const string first = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_";
        const string rest = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_0123456789";
        var length = rng.Next(1, rng.Next(8) == 0 ? 70 : 12);
        var b = new StringBuilder();
        b.Append(upper ? (char)('A' + rng.Next(26)) : first[rng.Next(first.Length)]);
        for (var i = 1; i < length; i++) b.Append(rest[rng.Next(rest.Length)]);
        return b.ToString();
    }

    private static string RandomArchWord(Random rng)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz0123456789";
        var b = new StringBuilder().Append((char)('a' + rng.Next(26)));
        for (var i = rng.Next(0, 8); i > 0; i--) b.Append(letters[rng.Next(letters.Length)]);
        return b.ToString();
    }

    private static string Bool(Random rng) => Pick(rng, ["true", "false", "True", "FALSE"]);

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static void Shuffle<T>(Random rng, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static string Join(List<string> lines) => string.Join("\n", lines);
}
