using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Emit;

/// <summary>
/// LazyMmuBatchCapacity (docs/checker.md#small-batches): lowers every mechanism capacity above the requested one
/// to it, so a shallow model check reaches the paths a full batch takes (the write that does not fit, the flush
/// a full batch forces), which at the kernel's sizes (192 TLB entries, 31 mmu_updates) lie far past any depth
/// the checker can explore. Only the parameters a definition's <c>batching: capacity:</c> terms name change, and
/// only within their declared range, so the code is the same code with smaller constants.
/// </summary>
public static class CapacityScope
{
    public static (ArchSpec Spec, IReadOnlyList<DiagnosticInfo> Notes) Apply(ArchSpec spec, Catalog catalog, int? capacity)
    {
        if (capacity is not { } target) return (spec, new DiagnosticInfo[0]);
        var notes = new List<DiagnosticInfo>();
        var mechanisms = new List<MechanismSpec>();
        foreach (var mechanism in spec.Mechanisms)
        {
            var lowered = Lower(mechanism, catalog.Find(mechanism.Kind), target, notes);
            mechanisms.Add(lowered);
        }
        return notes.Count == 0 ? (spec, notes) : (spec with { Mechanisms = mechanisms.ToEquatableArray() }, notes);
    }

    private static MechanismSpec Lower(MechanismSpec mechanism, MechanismDefinition? definition, int target, List<DiagnosticInfo> notes)
    {
        if (definition?.Batching is not { } batching || batching.CapacityFor(mechanism) is not { } before || before <= target) return mechanism;
        var values = mechanism.Parameters.ToDictionary(p => p.Name, p => p.Canonical);
        foreach (var term in batching.Capacity) LowerTerm(term, definition, values, target);
        var candidate = mechanism with { Parameters = mechanism.Parameters.Select(p => p with { Canonical = values[p.Name] }).ToEquatableArray() };
        // A term no parameter can lower (a literal numerator, a range's minimum) keeps the old value; so does a
        // change that would break an 'at-most' pair.
        if (!RespectsAtMost(definition, candidate) || batching.CapacityFor(candidate) is not { } after || after >= before) return mechanism;
        var changes = string.Join(", ", mechanism.Parameters.Zip(candidate.Parameters, (old, now) => (old, now))
            .Where(p => p.old.Canonical != p.now.Canonical)
            .Select(p => $"{p.old.Name} {p.old.Canonical} -> {p.now.Canonical}"));
        notes.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BatchCapacityLowered, mechanism.Location,
            Text(target), mechanism.Kind, Text(before), Text(after), changes));
        return candidate;
    }

    /// <summary>Sets the term's numerator parameter so that the term is <paramref name="target"/>, when that is lower and in range.</summary>
    private static void LowerTerm(CapacityTerm term, MechanismDefinition definition, Dictionary<string, string> values, int target)
    {
        if (CapacityTerm.IsLiteral(term.Numerator) || definition.Parameters.FirstOrDefault(p => p.Name == term.Numerator) is not { } parameter) return;
        var wanted = (target + term.Minus) * term.DenominatorValue(name => values.TryGetValue(name, out var v) ? v : "");
        wanted = System.Math.Min(System.Math.Max(wanted, parameter.Min), parameter.Max);
        if (!long.TryParse(values[term.Numerator], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var current) || wanted >= current) return;
        values[term.Numerator] = Text(wanted);
    }

    private static bool RespectsAtMost(MechanismDefinition definition, MechanismSpec spec) => definition.Parameters
        .Where(p => p.AtMost is not null)
        .All(p => !long.TryParse(spec.Get(p.Name), out var value) || !long.TryParse(spec.Get(p.AtMost!), out var limit) || value <= limit);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
