using System;
using System.Collections.Generic;
using System.Linq;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Emit;

/// <summary>
/// Compiles a template set once per distinct set of overrides (one entry: the set in use changes
/// only when a consumer edits a template). A template that does not parse is an LMG0021 at its
/// file, line and column, and the built-in is used instead so the rest of the build still makes sense.
/// </summary>
public static class TemplateSetCache
{
    private static readonly LastBuilt<TemplateChoice, (TemplateSet Set, EquatableArray<DiagnosticInfo> Diagnostics)> Cache = new(Build);

    public static (TemplateSet Set, EquatableArray<DiagnosticInfo> Diagnostics) For(TemplateChoice choice) =>
        choice.Overrides.Count == 0 ? (TemplateSet.Builtin, EquatableArray<DiagnosticInfo>.Empty) : Cache.For(choice);

    private static (TemplateSet, EquatableArray<DiagnosticInfo>) Build(TemplateChoice choice)
    {
        var sources = TemplateSet.BuiltinSources.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var o in choice.Overrides)
        {
            // Unknown names, duplicates and Handlebars files are TemplateOverrides.Problems; only real replacements get here.
            if (TemplateOverrides.IsHandlebars(o.Path) || !(sources.ContainsKey(o.LogicalName) || choice.IsNewFragment(o.LogicalName))) continue;
            var source = new TemplateSource(o.Text.Replace("\r\n", "\n"), o.Path);
            var parsed = Scriban.Template.Parse(source.Text, source.Path);
            if (parsed.HasErrors)
            {
                // The built-in stays in use, so the rest of the build still makes sense; the error is at the override's line.
                diagnostics.AddRange(parsed.Messages.Select(m => TemplateErrors.At(o.LogicalName, source, m.Span, m.Message)));
                continue;
            }
            sources[o.LogicalName] = source;
        }
        return (new TemplateSet(sources), diagnostics.ToEquatableArray());
    }
}
