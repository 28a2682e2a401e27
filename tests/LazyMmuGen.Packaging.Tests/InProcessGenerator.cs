using System.Collections.Immutable;
using System.Text;
using LazyMmuGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>Runs LazyMmuGenerator over one descriptor in memory and compiles what it generates.</summary>
public static class InProcessGenerator
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.Length > 0 && string.Equals(Path.GetDirectoryName(path), framework, StringComparison.Ordinal))
            .Append(typeof(LazyMmuGen.Runtime.MachineCore).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <summary>Generator diagnostics, then (if it generated) the compiler's warnings and errors, as text.</summary>
    public static IReadOnlyList<string> Problems(string fileName, string yaml)
    {
        var compilation = CSharpCompilation.Create("Scaffolded", [], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new LazyMmuGenerator().AsSourceGenerator()],
            [new Text("/project/" + fileName, yaml)],
            CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            new Options());
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        var problems = driverDiagnostics.Concat(result.Diagnostics).Select(d => d.ToString()).Distinct().ToList();
        if (result.Exception is not null) problems.Add("generator exception: " + result.Exception);
        if (problems.Count > 0) return problems;
        if (result.GeneratedSources.Length != 2) problems.Add($"expected an arch and the registry, got {result.GeneratedSources.Length} sources");
        problems.AddRange(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        return problems;
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text, Encoding.UTF8);
        public override string Path { get; } = path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => source;
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private static readonly ConfigOptions Global = new(new Dictionary<string, string> { ["build_property.projectdir"] = "/project/" });
        private static readonly ConfigOptions None = new(new Dictionary<string, string>());
        public override AnalyzerConfigOptions GlobalOptions => Global;
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;

        private sealed class ConfigOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                values.TryGetValue(key, out value);
        }
    }
}
