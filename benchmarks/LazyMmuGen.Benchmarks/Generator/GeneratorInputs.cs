using System.Diagnostics.CodeAnalysis;
using System.Text;
using LazyMmuGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LazyMmuGen.Benchmarks.Generator;

/// <summary>A descriptor handed to the driver from memory (the disk is not what is measured).</summary>
public sealed class MemoryText(string path, string text) : AdditionalText
{
    private readonly SourceText source = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => source;
}

/// <summary>build_property.projectdir as the compiler passes it, so descriptor paths come out relative.</summary>
public sealed class ProjectOptions(string projectDir) : AnalyzerConfigOptionsProvider
{
    private static readonly Options Empty = new(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string> { ["build_property.projectdir"] = projectDir });

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

/// <summary>Descriptors (built-in and synthesised), compilations and drivers for the generator benchmarks.</summary>
public static class GeneratorInputs
{
    public const string ProjectDir = "/project/";

    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private static readonly Lazy<IReadOnlyList<(string FileName, string Yaml)>> LazyBuiltin = new(LoadBuiltin);

    /// <summary>arches/*.arch.yaml as embedded at build time, by file name.</summary>
    public static IReadOnlyList<(string FileName, string Yaml)> Builtin => LazyBuiltin.Value;

    public static AdditionalText Text(string fileName, string yaml) => new MemoryText(ProjectDir + fileName, yaml);

    public static AdditionalText[] BuiltinTexts() => Builtin.Select(d => Text(d.FileName, d.Yaml)).ToArray();

    /// <summary>
    /// <paramref name="count"/> valid descriptors with distinct arch and type names: the built-in ones in
    /// turn (so every mechanism and composition appears), renamed <c>sN-NAME</c>.
    /// </summary>
    public static AdditionalText[] Synthetic(int count)
    {
        var result = new AdditionalText[count];
        for (var i = 0; i < count; i++)
        {
            var (fileName, yaml) = Builtin[i % Builtin.Count];
            var name = SyntheticName(i, fileName);
            result[i] = Text(name + ".arch.yaml", Rename(yaml, name));
        }
        return result;
    }

    /// <summary>The same descriptor with an edited summary: a real change that renders the same type.</summary>
    public static AdditionalText Edited(AdditionalText original)
    {
        var yaml = original.GetText()!.ToString();
        var edited = string.Join('\n', yaml.Split('\n').Select(l => l.StartsWith("summary:", StringComparison.Ordinal) ? l + " Edited." : l));
        if (edited == yaml) throw new InvalidOperationException("descriptor without a summary line: " + original.Path);
        return new MemoryText(original.Path, edited);
    }

    public static CSharpCompilation Compilation(params SyntaxTree[] trees) =>
        CSharpCompilation.Create("LazyMmuGen.Benchmarked", trees, references: null,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> descriptors) =>
        CSharpGeneratorDriver.Create(
            new[] { new LazyMmuGenerator().AsSourceGenerator() },
            descriptors,
            ParseOptions,
            new ProjectOptions(ProjectDir),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    /// <summary>Throws unless the run produced one source per descriptor plus the registry, and no diagnostic.</summary>
    public static void CheckRun(GeneratorDriver driver, int descriptors)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null) throw new InvalidOperationException("generator threw", result.Exception);
        if (result.Diagnostics.Length > 0)
            throw new InvalidOperationException("unexpected diagnostics:\n" + string.Join("\n", result.Diagnostics.Take(5)));
        if (result.GeneratedSources.Length != descriptors + 1)
            throw new InvalidOperationException($"expected {descriptors + 1} sources, got {result.GeneratedSources.Length}");
    }

    private static string SyntheticName(int i, string fileName) =>
        "s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + fileName[..^".arch.yaml".Length];

    private static string Rename(string yaml, string name)
    {
        var lines = yaml.Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith("arch:", StringComparison.Ordinal));
        if (index < 0) throw new InvalidOperationException("descriptor without an arch line");
        lines[index] = "arch: " + name;
        return string.Join('\n', lines);
    }

    private static IReadOnlyList<(string, string)> LoadBuiltin()
    {
        var assembly = typeof(GeneratorInputs).Assembly;
        var result = new List<(string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("arches/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            result.Add((resource["arches/".Length..], reader.ReadToEnd().Replace("\r\n", "\n")));
        }
        if (result.Count == 0) throw new InvalidOperationException("no built-in descriptors embedded in " + assembly.GetName().Name);
        return result;
    }
}
