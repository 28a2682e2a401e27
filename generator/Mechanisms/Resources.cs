using System.Collections.Generic;
using System.Linq;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// The resources a mechanism may claim: the parts of an arch's behaviour that only one mechanism of an arch may own
/// (docs/descriptor-reference.md, "Resources"). The list is closed because a claim protects only when two mechanisms
/// spell it alike: a misspelt claim ('pte-complete') would be a resource nobody else claims, and two mechanisms that
/// both decide when a write completes would compose without a word.
/// </summary>
public static class Resources
{
    /// <summary>The prefix of a per-register claim: <c>register:NAME</c>, usually <c>"register:{register}"</c>.</summary>
    public const string RegisterPrefix = "register:";

    /// <summary>Every fixed resource and what owning it means, in the reference's order.</summary>
    public static readonly IReadOnlyList<(string Name, string Meaning)> Known = new[]
    {
        ("pte-completion", "when a pte write takes effect (completes)"),
        ("pte-store", "where a pte write is stored (not straight into the page table)"),
        ("section-preemption", "preemption is disabled for the whole section"),
        ("context-switch", "switch-out/switch-in leave and re-enter the mode"),
        ("enable-range", "enable carries a range hint"),
    };

    /// <summary>True for a fixed resource or a <c>register:</c> claim with a name or a <c>{parameter}</c> after it.</summary>
    /// <param name="claim">A claim as the definition writes it.</param>
    public static bool IsKnown(string claim) =>
        Known.Any(r => r.Name == claim) || claim.StartsWith(RegisterPrefix, System.StringComparison.Ordinal) && claim.Length > RegisterPrefix.Length;

    /// <summary>The names a claim may take, as an error lists them.</summary>
    public static IEnumerable<string> Names => Known.Select(r => r.Name).Concat(new[] { RegisterPrefix + "{parameter}" });

    /// <summary>" Did you mean 'X'?" for a near miss or a cut-short name ('pte-complete'), else "".</summary>
    /// <param name="claim">A claim that is not a resource.</param>
    public static string DidYouMean(string claim)
    {
        var names = Known.Select(r => r.Name).ToList();
        var typo = Parsing.Suggestions.DidYouMean(claim, names);
        if (typo.Length > 0) return typo;
        // A name cut short or with another ending: the resource sharing the longest start, if most of the claim is shared.
        string? cut = names.OrderByDescending(n => Shared(n, claim)).First();
        if (Shared(cut, claim) < System.Math.Max(4, claim.Length * 2 / 3)) cut = null;
        return cut is null ? "" : $" Did you mean '{cut}'?";
    }

    private static int Shared(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }
}
