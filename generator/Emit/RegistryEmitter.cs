using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Emit;

/// <summary>Renders the one registry listing every arch generated in the compilation.</summary>
public static class RegistryEmitter
{
    public const string HintName = "LazyMmuArchRegistry.g.cs";

    /// <summary>
    /// The ArchInfo.ExpectedViolation argument: null, or a construction of two escaped literals. Fully qualified, so
    /// an arch type named ExpectedViolation (in the registry's namespace) cannot shadow the runtime record; built
    /// here rather than with {{#if}} in registry.hbs: a line with '{{#if' lexes as a C# directive, which would hide
    /// the identifiers on it from TemplateSet.Identifiers (the type-name clash check).
    /// </summary>
    private static string ExpectedViolation(ExpectedViolationSpec? violation) => violation is null
        ? "null"
        : $"new global::LazyMmuGen.Runtime.ExpectedViolation({CSharpText.Literal(violation.Property)}, {CSharpText.Literal(violation.Reason)})";

    public static RenderResult Emit(ImmutableArray<RegistryEntry> entries, GeneratorOptions options, TemplateSet templates)
    {
        try
        {
            var arches = entries.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => new Dictionary<string, object>
            {
                ["typeName"] = e.TypeName,
                ["nameLiteral"] = CSharpText.Literal(e.Name),
                ["nameDoc"] = CSharpText.Doc(e.Name),
                ["typeNameLiteral"] = CSharpText.Literal(e.TypeName),
                ["summaryLiteral"] = CSharpText.Literal(e.Summary),
                ["pathLiteral"] = CSharpText.Literal(e.DescriptorPath),
                ["mechanismLiterals"] = string.Join(", ", e.Mechanisms.Select(CSharpText.Literal)),
                ["distinct"] = e.DistinctPauseResume ? "true" : "false",
                ["optsIn"] = e.HasLazyMmuMode ? "true" : "false",
                ["range"] = e.TakesEnableRange ? "true" : "false",
                ["expectedViolation"] = ExpectedViolation(e.ExpectedViolation),
            }).ToList();
            var data = new Dictionary<string, object>
            {
                ["namespace"] = options.Namespace,
                ["arches"] = arches,
                ["version"] = ArchEmitter.GeneratorVersion,
            };
            return new RenderResult(HintName, Whitespace.Tidy(templates.Registry(data)), EquatableArray<DiagnosticInfo>.Empty, null);
        }
        catch (Exception e)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.TemplateError, null, "registry.hbs", e.Message);
            return new RenderResult(HintName, null, new[] { diagnostic }.ToEquatableArray(), null);
        }
    }
}
