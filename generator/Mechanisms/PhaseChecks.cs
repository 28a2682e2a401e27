using System;
using System.Collections.Generic;
using System.Linq;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Emit;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// A consumer mechanism's 'phases' against the fragments in its folder: a phase orders the fragment of a hook,
/// so one given to a hook the folder does not fill (a deleted or misnamed leave.scriban) orders nothing, and
/// the mechanism silently stops acting there. LMG0024 at the phases entry. A hook filled through its fallback
/// (pause by the leave fragment, resume and enter-range by the enter fragment: <see cref="Hooks.FallbackOf"/>) counts as filled.
/// </summary>
public static class PhaseChecks
{
    public static IEnumerable<DiagnosticInfo> Problems(MechanismChoice mechanisms, TemplateChoice templates)
    {
        if (mechanisms.Definitions.Count == 0) yield break;
        var own = new HashSet<string>(mechanisms.Definitions.Select(d => d.Path), StringComparer.Ordinal);
        var fragments = new HashSet<string>(templates.Overrides.Select(o => o.LogicalName), StringComparer.Ordinal);
        foreach (var definition in CatalogCache.For(mechanisms).Catalog.All.Where(d => own.Contains(d.DefinitionPath)))
        {
            foreach (var hook in definition.Phases.Keys.OrderBy(h => Array.IndexOf(Hooks.All, h)))
            {
                if (Fills(fragments, definition.Name, hook)) continue;
                var fallback = Hooks.FallbackOf(hook);
                var files = fallback is null ? $"{hook}.scriban" : $"{hook}.scriban nor {fallback}.scriban";
                definition.PhaseLocations.TryGetValue(hook, out var location);
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMechanismDefinition, location ?? LocationInfo.FileStart(definition.DefinitionPath),
                    $"'phases' gives hook '{hook}' a phase, but mechanisms/{definition.Name}/ has no {files}, so the mechanism does nothing there: "
                    + $"restore the fragment, or drop '{hook}' from 'phases'");
            }
        }
    }

    private static bool Fills(HashSet<string> fragments, string mechanism, string hook) =>
        fragments.Contains(TemplateSet.MechanismPrefix + mechanism + "/" + hook)
        || (Hooks.FallbackOf(hook) is { } fallback && fragments.Contains(TemplateSet.MechanismPrefix + mechanism + "/" + fallback));
}
