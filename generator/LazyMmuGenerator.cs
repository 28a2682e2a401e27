using System;
using System.Linq;
using LazyMmuGen.Generator.Emit;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LazyMmuGen.Generator;

/// <summary>
/// *.arch.yaml → parse/validate → render one arch type each → one registry. This file is only the
/// pipeline; every step is named in <see cref="TrackingNames"/> and carries equatable values only.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class LazyMmuGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => OptionsReader.Read(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        // The consumer's own mechanisms: mechanism.yaml files, each in a folder of the mechanism's name.
        var mechanisms = context.AdditionalTextsProvider
            .Where(static text => CatalogCache.IsDefinition(text.Path))
            .Select(static (text, ct) => new MechanismSource(text.Path, text.GetText(ct)?.ToString() ?? ""))
            .Collect()
            .Select(static (sources, _) => sources.IsDefaultOrEmpty
                ? MechanismChoice.BuiltinOnly
                : new MechanismChoice(sources.OrderBy(s => s.Path, StringComparer.Ordinal).ToEquatableArray()))
            .WithTrackingName(TrackingNames.Mechanisms);

        var templates = context.AdditionalTextsProvider
            .Where(static text => TemplateOverrides.IsTemplate(text.Path))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => new TemplateOverride(
                TemplateOverrides.LogicalName(pair.Left.Path, pair.Right.GetOptions(pair.Left)),
                pair.Left.GetText(ct)?.ToString() ?? "",
                pair.Left.Path))
            .Collect()
            .Combine(mechanisms)
            .Select(static (pair, _) => TemplateOverrides.Choose(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Templates);

        var settings = options
            .Combine(templates)
            .Combine(mechanisms)
            .Select(static (pair, _) => new RenderSettings(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Settings);

        var parsed = context.AdditionalTextsProvider
            .Where(static text => IsDescriptor(text.Path))
            .WithTrackingName(TrackingNames.Descriptors)
            .Combine(options.Select(static (o, _) => o.ProjectDir))
            .Combine(mechanisms)
            .Select(static (pair, ct) => DescriptorParser.Parse(pair.Left.Left.Path, pair.Left.Left.GetText(ct),
                OptionsReader.RelativePath(pair.Left.Left.Path, pair.Left.Right), ct, CatalogCache.For(pair.Right).Catalog))
            .WithTrackingName(TrackingNames.Parsed);

        var duplicates = parsed
            .Select(static (result, _) => result.Identity)
            .WithTrackingName(TrackingNames.Identities)
            .Collect()
            .Select(static (identities, _) => DuplicateFinder.Find(identities))
            .WithTrackingName(TrackingNames.Duplicates);

        // Narrow the duplicates list to this descriptor's own entry before combining with settings, so
        // one descriptor's edit never re-renders the others even while some duplicate exists.
        var rendered = parsed
            .Combine(duplicates)
            .Select(static (pair, _) => new CheckedDescriptor(pair.Left, DuplicateFinder.For(pair.Right, pair.Left.Path)?.Diagnostic))
            .Combine(settings)
            .WithTrackingName(TrackingNames.RenderInputs)
            .Select(static (input, ct) => Render(input.Left.Parsed, input.Left.Duplicate, input.Right, ct))
            .WithTrackingName(TrackingNames.RenderedArch);

        context.RegisterSourceOutput(rendered, static (spc, result) => Output(spc, result));

        var entries = rendered
            .Select(static (result, _) => result.Entry)
            .Where(static entry => entry is not null)
            .Select(static (entry, _) => entry!)
            .WithTrackingName(TrackingNames.RegistryEntries)
            .Collect();

        var registry = entries
            .Combine(settings)
            .Select(static (input, _) => RenderRegistry(input.Left, input.Right))
            .WithTrackingName(TrackingNames.RenderedRegistry);

        context.RegisterSourceOutput(registry, static (spc, result) => Output(spc, result));

        var placeholders = rendered
            .Select(static (result, _) => result.Placeholder)
            .Where(static placeholder => placeholder is not null)
            .Select(static (placeholder, _) => placeholder!)
            .Collect()
            .WithTrackingName(TrackingNames.Placeholders)
            .Combine(entries)
            .Combine(options)
            .Select(static (input, _) => PlaceholderEmitter.Emit(input.Left.Right, input.Left.Left, input.Right))
            .WithTrackingName(TrackingNames.RenderedPlaceholders);

        context.RegisterSourceOutput(placeholders, static (spc, result) => Output(spc, result));
        context.RegisterSourceOutput(options, static (spc, o) => ReportOptions(spc, o));
        context.RegisterSourceOutput(mechanisms, static (spc, choice) =>
        {
            foreach (var diagnostic in CatalogCache.For(choice).Diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
        });
        context.RegisterSourceOutput(mechanisms.Combine(templates), static (spc, pair) =>
        {
            foreach (var diagnostic in PhaseChecks.Problems(pair.Left, pair.Right)) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
        });
        context.RegisterSourceOutput(templates, static (spc, choice) =>
        {
            foreach (var diagnostic in TemplateOverrides.Problems(choice)) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            try
            {
                foreach (var diagnostic in TemplateSetCache.For(choice).Diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                spc.ReportDiagnostic(DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.TemplateError, null, "(all overrides together)", e.Message).ToDiagnostic());
            }
        });
    }

    public static bool IsDescriptor(string path) =>
        path.EndsWith(".arch.yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".arch.yml", StringComparison.OrdinalIgnoreCase);

    private static RenderResult Render(ParseResult parsed, DiagnosticInfo? duplicate, RenderSettings settings, System.Threading.CancellationToken ct)
    {
        if (parsed.Spec is null || duplicate is not null)
        {
            var diagnostics = duplicate is null ? parsed.Diagnostics : parsed.Diagnostics.Append(duplicate).ToEquatableArray();
            return new RenderResult(parsed.Path, null, diagnostics, null, duplicate is null ? Placeholder(parsed) : null);
        }
        try
        {
            var catalog = CatalogCache.For(settings.Mechanisms).Catalog;
            var (spec, notes) = CapacityScope.Apply(parsed.Spec, catalog, settings.Options.BatchCapacity);
            var result = ArchEmitter.Emit(spec, settings.Options, TemplateSetCache.For(settings.Templates).Set, ct, catalog);
            return notes.Count == 0 ? result : result with { Diagnostics = result.Diagnostics.Concat(notes).ToEquatableArray() };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only a broken template set gets here; it must never become CS8785.
            var internalError = DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.InternalError, parsed.Spec.NameLocation, e.Message);
            return new RenderResult(parsed.Path, null, new[] { internalError }.ToEquatableArray(), null);
        }
    }

    /// <summary>What user code naming a failed descriptor's type is told, when the type name itself was valid.</summary>
    private static PlaceholderEntry? Placeholder(ParseResult parsed)
    {
        if (parsed.ClaimedTypeName is null) return null;
        var errors = parsed.Diagnostics.Where(d => Diagnostics.DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0) return null;
        var first = errors[0];
        return new PlaceholderEntry(parsed.ClaimedTypeName, parsed.RelativePath, first.Id, first.Location?.Line ?? 1, first.Location?.Column ?? 1, errors.Count);
    }

    private static RenderResult RenderRegistry(System.Collections.Immutable.ImmutableArray<RegistryEntry> entries, RenderSettings settings)
    {
        try
        {
            return RegistryEmitter.Emit(entries, settings.Options, TemplateSetCache.For(settings.Templates).Set);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var internalError = DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.InternalError, null, e.Message);
            return new RenderResult(RegistryEmitter.HintName, null, new[] { internalError }.ToEquatableArray(), null);
        }
    }

    private static void Output(SourceProductionContext spc, RenderResult result)
    {
        foreach (var diagnostic in result.Diagnostics) spc.ReportDiagnostic(diagnostic.ToDiagnostic());
        if (result.Source is null) return;
        try
        {
            spc.AddSource(result.HintName, SourceText.From(result.Source, System.Text.Encoding.UTF8));
        }
        catch (ArgumentException e)
        {
            // A hint-name clash validation missed must still be an LMG error, never CS8785.
            spc.ReportDiagnostic(DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.InternalError, null, e.Message).ToDiagnostic());
        }
    }

    private static void ReportOptions(SourceProductionContext spc, GeneratorOptions options)
    {
        if (!options.NamespaceValid)
        {
            spc.ReportDiagnostic(DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.InvalidNamespace, null,
                options.RequestedNamespace, options.Namespace).ToDiagnostic());
        }
        if (options.InvalidBatchCapacity is { } capacity)
        {
            spc.ReportDiagnostic(DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.InvalidBatchCapacity, null,
                capacity, GeneratorOptions.MaxBatchCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToDiagnostic());
        }
    }
}
