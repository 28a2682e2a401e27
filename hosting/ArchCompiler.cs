using System.Collections.Immutable;
using LazyMmuGen.Generator;
using LazyMmuGen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace LazyMmuGen.Hosting;

/// <summary>
/// Runs the same generator the build runs over descriptor files, in process, and compiles what it generates
/// into a library image in memory. Generator diagnostics come back located at the user's own paths.
/// </summary>
public static class ArchCompiler
{
    /// <summary>The namespace the generated arches and registry get in an external library.</summary>
    public const string Namespace = "LazyMmuGen.External";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>What the generator made of <paramref name="files"/>: each generated file by hint name, and the located messages.</summary>
    public sealed record Generated(IReadOnlyDictionary<string, string> Sources, IReadOnlyList<string> Messages, bool Failed, Compilation Output);

    /// <summary>
    /// Runs the generator over <paramref name="files"/>: descriptors, and template overrides (*.scriban under a
    /// templates/ folder) exactly as it takes them from AdditionalFiles. A null namespace is the generator's default.
    /// <paramref name="batchCapacity"/> is the LazyMmuBatchCapacity property (docs/checker.md#small-batches). The
    /// messages are what a build prints: errors and warnings, not info (LMG0026 says only what a requested scope did).
    /// </summary>
    public static Generated Generate(IReadOnlyList<DescriptorFile> files, string projectDir, string? @namespace = Namespace, int? batchCapacity = null)
    {
        var display = files.ToDictionary(f => f.FullPath, f => f.DisplayPath, StringComparer.Ordinal);
        var properties = new Dictionary<string, string>
        {
            ["build_property.projectdir"] = projectDir.EndsWith('/') || projectDir.EndsWith(Path.DirectorySeparatorChar) ? projectDir : projectDir + Path.DirectorySeparatorChar,
        };
        if (@namespace is not null) properties["build_property.LazyMmuNamespace"] = @namespace;
        if (batchCapacity is { } capacity) properties["build_property.LazyMmuBatchCapacity"] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new LazyMmuGenerator().AsSourceGenerator()],
            files.Where(f => !IsSource(f)).Select(f => (AdditionalText)new DescriptorText(f.FullPath, f.Text)),
            CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            new BuildOptions(properties));
        // A unique assembly name per compile: several libraries may be loaded side by side in one process.
        // A mechanism's runtime primitive (mechanisms/NAME/*.cs) is compiled with the arches that use it.
        var primitives = files.Where(IsSource).Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text, System.Text.Encoding.UTF8), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), f.FullPath));
        var input = CSharpCompilation.Create((@namespace ?? "LazyMmuGen.Arches") + "." + Guid.NewGuid().ToString("N"), primitives, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var driverDiagnostics);
        var run = driver.GetRunResult().Results.Single();
        var diagnostics = run.Diagnostics.Concat(driverDiagnostics).Distinct().ToList();
        var messages = diagnostics
            .Where(d => d.Severity != DiagnosticSeverity.Info)
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition)
            .Select(d => Format(d, display))
            .ToList();
        if (run.Exception is not null) messages.Add($"error LMG0099: the generator failed: {run.Exception.Message}");
        var sources = run.GeneratedSources.ToDictionary(g => g.HintName, g => g.SourceText.ToString(), StringComparer.Ordinal);
        var failed = run.Exception is not null || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        return new Generated(sources, messages, failed, output);
    }

    private static bool IsSource(DescriptorFile file) => file.FullPath.EndsWith(".cs", StringComparison.Ordinal);

    /// <summary>Generates and compiles <paramref name="files"/> into a library image in memory.</summary>
    public static CompileOutcome Compile(IReadOnlyList<DescriptorFile> files, string projectDir, string @namespace = Namespace, int? batchCapacity = null)
    {
        var generated = Generate(files, projectDir, @namespace, batchCapacity);
        var messages = generated.Messages.ToList();
        if (generated.Failed) return new CompileOutcome(null, messages);

        using var image = new MemoryStream();
        // An embedded PDB: an exception in a consumer's own primitive is then reported at its file and line (ThrowSite).
        var emitted = generated.Output.Emit(image, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        // A diagnostic in the user's own C# is theirs, at their file; one in generated code goes to the template line
        // that wrote it (GeneratedErrorBlame), or, with no template of theirs, is the generator's own (LMG0099).
        var display = files.ToDictionary(f => f.FullPath, f => f.DisplayPath, StringComparer.Ordinal);
        var templates = files.Where(f => f.FullPath.EndsWith(".scriban", StringComparison.Ordinal)).ToList();
        bool Theirs(Diagnostic d) => d.Location.SourceTree?.FilePath is { } path && display.ContainsKey(path);
        if (!emitted.Success)
        {
            // When the user's C# has errors, the generated code's follow from them (a class that did not parse is a
            // missing type there): blaming the generator or a template for those would send the user to the wrong file.
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var theirs = errors.Where(Theirs).ToList();
            messages.AddRange(theirs.Count > 0
                ? theirs.Select(d => Format(d, display))
                : GeneratedErrorBlame.DescribeAll(errors, templates));
            return new CompileOutcome(null, messages);
        }
        var warnings = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
        messages.AddRange(warnings.Where(Theirs).Select(d => Format(d, display)));
        messages.AddRange(GeneratedErrorBlame.DescribeAll(warnings.Where(d => !Theirs(d)), templates));
        return new CompileOutcome(image.ToArray(), messages);
    }

    /// <summary>MSBuild's form: `path(line,col): error LMG0011: message`, with the path the user typed.</summary>
    public static string Format(Diagnostic d, IReadOnlyDictionary<string, string> display)
    {
        var severity = d.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var span = d.Location.GetLineSpan();
        if (!span.IsValid || string.IsNullOrEmpty(span.Path)) return $"{severity} {d.Id}: {d.GetMessage()}";
        var path = display.TryGetValue(span.Path, out var shown) ? shown : span.Path;
        var start = span.StartLinePosition;
        return $"{path}({start.Line + 1},{start.Character + 1}): {severity} {d.Id}: {d.GetMessage()}";
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The shared framework's reference set (what the host runs on) plus the runtime library the arches call.
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.Length > 0 && string.Equals(Path.GetDirectoryName(path), framework, StringComparison.Ordinal))
            .Append(typeof(MachineCore).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
