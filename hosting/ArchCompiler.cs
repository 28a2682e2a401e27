using System.Collections.Immutable;
using LazyMmuGen.Generator;
using LazyMmuGen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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

    /// <summary>
    /// Generates and compiles <paramref name="files"/>: descriptors, and template overrides (*.hbs under a
    /// templates/ folder) exactly as the generator takes them from AdditionalFiles.
    /// </summary>
    public static CompileOutcome Compile(IReadOnlyList<DescriptorFile> files, string projectDir, string @namespace = Namespace)
    {
        var display = files.ToDictionary(f => f.FullPath, f => f.DisplayPath, StringComparer.Ordinal);
        var options = new BuildOptions(new Dictionary<string, string>
        {
            ["build_property.projectdir"] = projectDir.EndsWith(Path.DirectorySeparatorChar) ? projectDir : projectDir + Path.DirectorySeparatorChar,
            ["build_property.LazyMmuNamespace"] = @namespace,
        });
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new LazyMmuGenerator().AsSourceGenerator()],
            files.Select(f => (AdditionalText)new DescriptorText(f.FullPath, f.Text)),
            CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            options);
        // A unique assembly name per compile: several libraries may be loaded side by side in one process.
        var input = CSharpCompilation.Create(@namespace + "." + Guid.NewGuid().ToString("N"), [], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var driverDiagnostics);
        var run = driver.GetRunResult().Results.Single();
        var messages = run.Diagnostics.Concat(driverDiagnostics).Distinct()
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition)
            .Select(d => Format(d, display))
            .ToList();
        if (run.Exception is not null) messages.Add($"error LMG0099: the generator failed: {run.Exception.Message}");
        if (run.Exception is not null || run.Diagnostics.Concat(driverDiagnostics).Any(d => d.Severity == DiagnosticSeverity.Error))
            return new CompileOutcome(null, messages);

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        if (!emitted.Success)
        {
            // The generator's contract is that valid descriptors compile; say so instead of hiding it.
            messages.AddRange(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => $"error LMG0099: generated code does not compile ({d.Id}: {d.GetMessage()}); please report this with the descriptor"));
            return new CompileOutcome(null, messages);
        }
        messages.AddRange(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning)
            .Select(d => $"warning {d.Id}: generated code: {d.GetMessage()}"));
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
