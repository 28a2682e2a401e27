using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using LazyMmuGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LazyMmuGen.Checker.Tests.Injection;

/// <summary>A template override the way a consumer supplies one: an AdditionalFile under a "templates" folder.</summary>
public sealed record TemplateFault(string Mechanism, string Hook, string Text)
{
    public string Path => $"{InjectedArches.ProjectDir}templates/mechanisms/{Mechanism}/{Hook}.hbs";
}

/// <summary>
/// Runs <see cref="LazyMmuGenerator"/> in-process over one built-in descriptor plus template overrides,
/// compiles and emits what it generates, and loads the result into a collectible load context in which
/// LazyMmuGen.Runtime is the already-loaded assembly, so the generated ArchInfo is the checker's ArchInfo.
/// </summary>
public sealed class InjectedArches : IDisposable
{
    public const string ProjectDir = "/project/";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);
    private readonly LoadContext context;

    private InjectedArches(LoadContext context, IReadOnlyList<ArchInfo> all)
    {
        this.context = context;
        All = all;
    }

    public IReadOnlyList<ArchInfo> All { get; }

    public ArchInfo Single => Assert.Single(All);

    public static InjectedArches Compile(string arch, params TemplateFault[] overrides)
    {
        var texts = new List<AdditionalText> { new InMemoryAdditionalText(ProjectDir + arch + ".arch.yaml", Repo.Descriptor(arch)) };
        texts.AddRange(overrides.Select(o => new InMemoryAdditionalText(o.Path, o.Text)));
        var options = new GlobalOptionsProvider(new Dictionary<string, string>
        {
            ["build_property.projectdir"] = ProjectDir,
            ["build_property.LazyMmuNamespace"] = "LazyMmuGen.Injected",
        });
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new LazyMmuGenerator().AsSourceGenerator()],
            texts,
            CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest),
            options);
        var input = CSharpCompilation.Create("LazyMmuGen.Injected." + arch.Replace('-', '_') + "." + Guid.NewGuid().ToString("N"), [], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var driverDiagnostics);

        var run = driver.GetRunResult().Results.Single();
        Assert.Null(run.Exception);
        // No LMG0021 (override rejected: the built-in would silently be used) or any other generator diagnostic.
        Assert.True(run.Diagnostics.IsEmpty && driverDiagnostics.IsEmpty,
            "generator diagnostics:\n" + string.Join("\n", run.Diagnostics.Concat(driverDiagnostics)));

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(emitted.Success && problems.Count == 0, "generated code does not compile cleanly:\n" + string.Join("\n", problems));

        image.Position = 0;
        var context = new LoadContext();
        var assembly = context.LoadFromStream(image);
        var registry = assembly.GetTypes().Single(t => t.Name == "LazyMmuArchRegistry");
        var all = registry.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
        // Types unify only if the generated code bound to the runtime assembly the checker uses.
        var arches = Assert.IsAssignableFrom<IReadOnlyList<ArchInfo>>(all);
        return new InjectedArches(context, arches);
    }

    public void Dispose() => context.Unload();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The shared framework (not the test host's own dependencies) plus the runtime library.
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.Length > 0 && string.Equals(Path.GetDirectoryName(path), framework, StringComparison.Ordinal))
            .Append(typeof(MachineCore).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private sealed class LoadContext() : AssemblyLoadContext("LazyMmuGen.Injected", isCollectible: true)
    {
        private static readonly Assembly Runtime = typeof(MachineCore).Assembly;

        protected override Assembly? Load(AssemblyName name) =>
            string.Equals(name.Name, Runtime.GetName().Name, StringComparison.Ordinal) ? Runtime : null;
    }
}
