using System.Text;
using LazyMmuGen.Generator.Emit;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;
using static LazyMmuGen.Tests.Shared.GeneratorHarness;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// Very large descriptors and many descriptors cost work in proportion to their size. Nothing here reads a
/// clock: the measures are counts that do not depend on the machine's load. Bytes allocated by the test's
/// own thread (every step of the parser and the emitter allocates per node it handles, so a quadratic step
/// shows up as ~100× for 10× the input instead of ~10×), how often the driver runs each pipeline step, and
/// how often it reads each descriptor. CPU-only loops that allocate nothing are covered by keeping every
/// per-item lookup in the generator a dictionary, a set or a binary search (see DuplicateFinder.For).
/// </summary>
public sealed class LinearityTests(ITestOutputHelper output)
{
    /// <summary>10× the input may cost at most this many times the allocations (linear: about 10).</summary>
    private const double MaxRatio = 15;

    public static TheoryData<string> Shapes() => new(LargeDescriptors.Shapes.Keys);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ParsingTenTimesTheInputAllocatesAboutTenTimesAsMuch(string shape)
    {
        var (build, n) = LargeDescriptors.Shapes[shape];
        var small = build(n);
        var large = build(10 * n);
        Assert.True(large.Length < Yaml.DescriptorLimits.MaxChars, $"{shape}: the large input ({large.Length} chars) must stay under the size limit");

        Parse(small); // warm-up: first-call costs are not part of the measure
        var (smallBytes, smallResult) = Allocated(() => Parse(small));
        var (largeBytes, largeResult) = Allocated(() => Parse(large));

        // The same outcome at both sizes: the large input is a bigger instance of the same thing.
        Assert.Equal(smallResult.Spec is null, largeResult.Spec is null);
        Assert.DoesNotContain(largeResult.Diagnostics, d => d.Id is "LMG0015" or "LMG0099");
        AssertLinear(shape + " (parse)", large.Length, smallBytes, largeBytes);
    }

    [Theory]
    [InlineData("many mechanisms")]
    [InlineData("long levels map")]
    public void RenderingTenTimesTheMechanismsAllocatesAboutTenTimesAsMuch(string shape)
    {
        var (build, n) = LargeDescriptors.Shapes[shape];
        var small = Parse(build(n / 5)).Spec!;
        var large = Parse(build(10 * n / 5)).Spec!;

        Emit(small);
        var (smallBytes, smallSource) = Allocated(() => Emit(small));
        var (largeBytes, largeSource) = Allocated(() => Emit(large));

        Assert.NotNull(smallSource);
        Assert.NotNull(largeSource);
        AssertLinear(shape + " (render)", largeSource!.Length, smallBytes, largeBytes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ManyDescriptorsAreEachReadParsedAndRenderedOnce(bool allTheSameName)
    {
        var (smallBytes, _) = RunMany(40, allTheSameName, warmUp: true);
        var (largeBytes, largeCounts) = RunMany(400, allTheSameName, warmUp: false);

        Assert.Equal(400, largeCounts.Parsed);
        Assert.Equal(400, largeCounts.Rendered);
        Assert.Equal(1, largeCounts.Duplicates);
        Assert.Equal(1, largeCounts.Registry);
        Assert.Equal(400, largeCounts.TextReads);
        AssertLinear($"400 descriptors{(allTheSameName ? ", one name" : "")} (driver)", 400, smallBytes, largeBytes);
    }

    private (long Bytes, (int Parsed, int Rendered, int Duplicates, int Registry, int TextReads) Counts) RunMany(int count, bool allTheSameName, bool warmUp)
    {
        CountingText[] Texts() => Enumerable.Range(0, count)
            .Select(i => new CountingText(PathOf($"d{i:D4}.arch.yaml"),
                $"arch: {(allTheSameName ? "twin" : "arch" + i)}\nsummary: Descriptor {i}.\nmechanisms:\n  - kind: tlb-batch\n    capacity: {1 + i % 255}\n"))
            .ToArray();
        var compilation = Compilation();
        if (warmUp) Driver(Texts()).RunGenerators(compilation);

        var texts = Texts();
        var driver = Driver(texts, track: true);
        var (bytes, ran) = Allocated(() => driver.RunGenerators(compilation));
        var result = TrackedSteps.Result(ran);
        Assert.Null(result.Exception);
        Assert.Equal(allTheSameName ? count - 1 : 0, result.Diagnostics.Count(d => d.Id == "LMG0007"));
        Assert.Equal(allTheSameName ? 2 : count + 1, result.GeneratedSources.Length);
        return (bytes, (result.TrackedSteps[TrackingNames.Parsed].Length, result.TrackedSteps[TrackingNames.RenderedArch].Length,
            result.TrackedSteps[TrackingNames.Duplicates].Length, result.TrackedSteps[TrackingNames.RenderedRegistry].Length,
            texts.Sum(t => t.Reads)));
    }

    private void AssertLinear(string what, int size, long smallBytes, long largeBytes)
    {
        var ratio = (double)largeBytes / Math.Max(1, smallBytes);
        output.WriteLine($"{what}: {smallBytes:N0} → {largeBytes:N0} bytes allocated for 10× the input (×{ratio:F1}; size {size:N0})");
        Assert.True(ratio <= MaxRatio, $"{what}: 10× the input allocated ×{ratio:F1} ({smallBytes:N0} → {largeBytes:N0} bytes): superlinear");
    }

    private static ParseResult Parse(string yaml) =>
        DescriptorParser.Parse(PathOf("big.arch.yaml"), SourceText.From(yaml), "big.arch.yaml", CancellationToken.None);

    private static string? Emit(ArchSpec spec) =>
        ArchEmitter.Emit(spec, GeneratorOptions.Default, TemplateSet.Builtin, CancellationToken.None).Source;

    private static (long Bytes, T Result) Allocated<T>(Func<T> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = action();
        return (GC.GetAllocatedBytesForCurrentThread() - before, result);
    }

    /// <summary>An in-memory descriptor that counts how often the pipeline reads it.</summary>
    private sealed class CountingText(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text, Encoding.UTF8);

        public int Reads { get; private set; }

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            Reads++;
            return source;
        }
    }
}

/// <summary>Large descriptors of several shapes, each built for a size n (and used at n and 10n).</summary>
public static class LargeDescriptors
{
    public static IReadOnlyDictionary<string, (Func<int, string> Build, int N)> Shapes { get; } =
        new Dictionary<string, (Func<int, string>, int)>
        {
            // Valid: n register-switch mechanisms on distinct registers (n resources, n fragments per hook).
            ["many mechanisms"] = (n => Lines("arch: big\nmechanisms:\n", n,
                i => $"  - kind: register-switch\n    register: R{i}\n    levels: {{ DEFAULT: 0, PGTABLES: 1 }}\n"), 1_000),
            // Valid: one mechanism whose levels map has n entries (read, checked for the level references, rendered).
            ["long levels map"] = (n => Lines("arch: big\nmechanisms:\n  - kind: register-switch\n    register: R\n    levels:\n", n,
                i => $"      L{i}: {i % 16}\n") + "      DEFAULT: 0\n      PGTABLES: 1\n", 2_000),
            // Invalid: n unknown top-level fields, one LMG0004 each.
            ["many unknown fields"] = (n => Lines("arch: big\n", n, i => $"field{i}: value {i}\n"), 2_000),
            // Invalid: the same mechanism n times, one LMG0013 for each after the first.
            ["long conflicting list"] = (n => Lines("arch: big\nmechanisms:\n", n, _ => "  - deferred-barriers\n"), 2_000),
            // Invalid: a flow list of n numbers under an unknown field (YAML reader and tree).
            ["long flow list"] = (n => Lines("arch: big\njunk: [", n, i => $"{i % 10}, ") + "0]\n", 5_000),
            // Valid: a summary of n words (checked for unsafe characters, whitespace collapsed).
            ["long summary"] = (n => Lines("arch: big\nsummary: ", n, _ => "word\u00A0 ") + "end\n", 10_000),
        };

    private static string Lines(string head, int n, Func<int, string> item)
    {
        var builder = new StringBuilder(head);
        for (var i = 0; i < n; i++) builder.Append(item(i));
        return builder.ToString();
    }
}
