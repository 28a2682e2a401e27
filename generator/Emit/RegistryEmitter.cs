using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Emit.Models;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Emit;

/// <summary>Renders the one registry listing every arch generated in the compilation.</summary>
public static class RegistryEmitter
{
    public const string HintName = "LazyMmuArchRegistry.g.cs";

    /// <summary>
    /// The ArchInfo.ExpectedViolation argument: null, or a construction of two escaped literals. Fully qualified, so
    /// an arch type named ExpectedViolation (in the registry's namespace) cannot shadow the runtime record.
    /// </summary>
    private static string ExpectedViolation(ExpectedViolationSpec? violation) => violation is null
        ? "null"
        : $"new global::LazyMmuGen.Runtime.ExpectedViolation({CSharpText.Literal(violation.Property)}, {CSharpText.Literal(violation.Reason)})";

    /// <summary>A C# array of escaped literals: new string[] { "a", "b" }.</summary>
    private static string Strings(EquatableArray<string> values) =>
        "new string[] { " + string.Join(", ", values.Select(CSharpText.Literal)) + (values.Count == 0 ? "}" : " }");

    /// <summary>The arch's declared kinds as a C# array of its nested Effects fields (reading them declares them).</summary>
    private static string Kinds(RegistryEntry e, string ns) =>
        "new global::LazyMmuGen.Runtime.EffectKind[] { " + string.Join(", ", e.Facts.Effects.Select(n => $"global::{ns}.{e.TypeName}.Effects.{EffectCode.Field(n)}"))
        + (e.Facts.Effects.Count == 0 ? "}" : " }");

    /// <summary>The arch's batching bounds as a C# array of BatchingBound constructions (ArchFacts.Batching).</summary>
    private static string Batching(RegistryEntry e) =>
        "new global::LazyMmuGen.Runtime.BatchingBound[] { " + string.Join(", ", e.Batching.Select(b =>
            $"new global::LazyMmuGen.Runtime.BatchingBound({CSharpText.Literal(b.Mechanism)}, {Strings(b.Effects)}, "
            + $"{(b.Capacity is { } c ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")}, "
            + $"{b.PerFlush.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {(b.PerFlushDistinct ? "true" : "false")}, "
            + $"{(b.KeyChanges ? "true" : "false")}, {b.Unbatched.ToString(System.Globalization.CultureInfo.InvariantCulture)})"))
        + (e.Batching.Count == 0 ? "}" : " }");

    public static RenderResult Emit(ImmutableArray<RegistryEntry> entries, GeneratorOptions options, TemplateSet templates)
    {
        try
        {
            var arches = entries.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => new RegistryArchModel(
                e.TypeName,
                CSharpText.Doc(e.Name),
                CSharpText.Literal(e.Name),
                CSharpText.Literal(e.TypeName),
                CSharpText.Literal(e.Summary),
                string.Join(", ", e.Mechanisms.Select(CSharpText.Literal)),
                CSharpText.Literal(e.DescriptorPath),
                e.DistinctPauseResume,
                e.HasLazyMmuMode,
                e.TakesEnableRange,
                ExpectedViolation(e.ExpectedViolation),
                Strings(e.Facts.CallbacksWithWork),
                Strings(e.Facts.TaskStateFields),
                Strings(e.Facts.CpuStateFields),
                Kinds(e, options.Namespace),
                Batching(e),
                e.CpuSymmetric,
                e.GetPteIsPlainRead,
                CSharpText.Literal(e.Source))).ToList();
            var model = new RegistryModel(options.Namespace, ArchEmitter.GeneratorVersion, arches);
            return new RenderResult(HintName, TemplateRenderer.Render(templates, TemplateSet.RegistryName, model), EquatableArray<DiagnosticInfo>.Empty, null);
        }
        catch (TemplateFailure failure)
        {
            return new RenderResult(HintName, null, new[] { failure.ToDiagnostic(templates, null) }.ToEquatableArray(), null);
        }
        catch (Exception e)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.TemplateError, null, TemplateSet.RegistryName, e.Message);
            return new RenderResult(HintName, null, new[] { diagnostic }.ToEquatableArray(), null);
        }
    }
}
