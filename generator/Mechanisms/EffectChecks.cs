using System.Collections.Generic;
using System.Linq;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// The rules that span definitions: a kind is declared by exactly one mechanism, a kind a mechanism emits is
/// declared somewhere in the catalog, and the machine's own counters are nobody's to declare or emit.
/// </summary>
public static class EffectChecks
{
    /// <summary>
    /// The machine's own counters (LazyMmuGen.Runtime.MachineEffects; a test keeps this list equal to it). The
    /// generator cannot reference the runtime, so it keeps the names it must refuse.
    /// </summary>
    public static readonly string[] MachineNames = { "preempt_disable", "preempt_enable", "context_switch", "pte_write" };

    /// <summary>LMG0024s for <paramref name="candidate"/> joining <paramref name="others"/> (which already agree).</summary>
    public static List<DiagnosticInfo> Problems(MechanismDefinition candidate, IReadOnlyList<MechanismDefinition> others)
    {
        var problems = new List<DiagnosticInfo>();
        var fallback = LocationInfo.FileStart(candidate.DefinitionPath);
        foreach (var effect in candidate.DeclaredEffects)
        {
            var owner = others.FirstOrDefault(o => o.DeclaredEffects.Any(e => e.Name == effect.Name));
            if (MachineNames.Contains(effect.Name))
                problems.Add(Problem(effect.Location ?? fallback, $"effect '{effect.Name}' is the machine's own counter; a mechanism declares kinds of its own"));
            else if (owner is not null)
                problems.Add(Problem(effect.Location ?? fallback, $"effect '{effect.Name}' is already declared by mechanism '{owner.Name}'; emit it with a bare '- {effect.Name}' instead of declaring it again"));
        }
        var known = others.SelectMany(o => o.DeclaredEffects).Concat(candidate.DeclaredEffects).Select(e => e.Name).ToList();
        foreach (var use in candidate.Effects)
        {
            if (known.Contains(use.Name) || MachineNames.Contains(use.Name)) continue;
            problems.Add(Problem(use.Location ?? fallback,
                $"effect '{use.Name}' is declared by no mechanism.{Parsing.Suggestions.DidYouMean(use.Name, known)} Declare it here ('- name: {use.Name}' with 'doc', 'cycles' and 'source') or name a declared one: {string.Join(", ", known)}"));
        }
        foreach (var use in candidate.Effects.Where(u => MachineNames.Contains(u.Name)))
            problems.Add(Problem(use.Location ?? fallback, $"effect '{use.Name}' is the machine's own counter; the machine counts it, a mechanism does not emit it"));
        return problems;
    }

    private static DiagnosticInfo Problem(LocationInfo location, string message) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMechanismDefinition, location, message);
}
