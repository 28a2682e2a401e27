using System.Collections.Immutable;
using LazyMmuGen.Generator;
using LazyMmuGen.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LazyMmuGen.Tests.Shared;

/// <summary>
/// Runs <see cref="LazyMmuGenerator"/> in-process over in-memory descriptors and compiles what it emits: the
/// generator tests' driver, and how the packaging tests check that a scaffolded descriptor generates cleanly.
/// </summary>
public static class GeneratorHarness
{
    /// <summary>The fake project folder; descriptors live under it so registry paths come out relative.</summary>
    public const string ProjectDir = "/project/";

    public const string RegistryHint = RegistryEmitter.HintName;

    public static readonly CSharpParseOptions LanguageOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static string PathOf(string fileName) => ProjectDir + fileName;

    public static InMemoryAdditionalText Descriptor(string fileName, string yaml) => new(PathOf(fileName), yaml);

    public static TestOptionsProvider Options(string? @namespace = null)
    {
        var values = new Dictionary<string, string> { ["build_property.projectdir"] = ProjectDir };
        if (@namespace is not null) values["build_property.LazyMmuNamespace"] = @namespace;
        return new TestOptionsProvider(values);
    }

    public static CSharpCompilation Compilation(params SyntaxTree[] trees) =>
        CSharpCompilation.Create("LazyMmuGen.GeneratedUnderTest", trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> descriptors, TestOptionsProvider? options = null, bool track = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new LazyMmuGenerator().AsSourceGenerator() },
            descriptors,
            LanguageOptions,
            options ?? Options(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    public static GeneratorRun Run(params AdditionalText[] descriptors) => Run(descriptors, Options());

    public static GeneratorRun Run(IEnumerable<AdditionalText> descriptors, TestOptionsProvider options)
    {
        var driver = Driver(descriptors, options).RunGeneratorsAndUpdateCompilation(Compilation(), out var output, out var driverDiagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, driverDiagnostics);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // Only the shared framework from the trusted platform assemblies (the test host's own dependencies,
        // such as Roslyn and xunit, are not what generated code compiles against), plus the runtime library.
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => path.Length > 0 && string.Equals(Path.GetDirectoryName(path), framework, StringComparison.Ordinal))
            .Append(typeof(LazyMmuGen.Runtime.MachineCore).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
