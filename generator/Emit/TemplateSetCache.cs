using System;
using System.Collections.Generic;
using System.Linq;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Emit;

/// <summary>
/// Compiles a template set once per distinct set of overrides (one entry: the set in use changes
/// only when a consumer edits a template). A template that does not compile is an LMG0021 at its
/// file, and the built-ins are used instead so the rest of the build still makes sense.
/// </summary>
public static class TemplateSetCache
{
    private static readonly object Gate = new();
    private static TemplateChoice? lastChoice;
    private static (TemplateSet Set, EquatableArray<DiagnosticInfo> Diagnostics) last;

    public static (TemplateSet Set, EquatableArray<DiagnosticInfo> Diagnostics) For(TemplateChoice choice)
    {
        if (choice.Overrides.Count == 0) return (TemplateSet.Builtin, EquatableArray<DiagnosticInfo>.Empty);
        lock (Gate)
        {
            if (choice.Equals(lastChoice)) return last;
            last = Build(choice);
            lastChoice = choice;
            return last;
        }
    }

    private static (TemplateSet, EquatableArray<DiagnosticInfo>) Build(TemplateChoice choice)
    {
        var sources = TemplateSet.BuiltinSources.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var o in choice.Overrides)
        {
            // Check each override alone first, so the error names the file that is broken.
            var trial = sources.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            trial[o.LogicalName] = o.Text;
            try
            {
                _ = new TemplateSet(trial);
                sources[o.LogicalName] = o.Text;
            }
            catch (Exception e)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TemplateError, LocationInfo.FileStart(o.Path), o.LogicalName, e.Message.Split('\n')[0]));
            }
        }
        return (new TemplateSet(sources), diagnostics.ToEquatableArray());
    }
}
