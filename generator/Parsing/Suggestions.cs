using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace LazyMmuGen.Generator.Parsing;

/// <summary>
/// "Did you mean" for misspelt keys, mechanism names and choice values: the one known name within a small
/// edit distance of what was written, or null when none is close (or two are equally close) and the
/// message should just list the known names.
/// </summary>
public static class Suggestions
{
    /// <summary>Inputs longer than this are not typos of a short name; comparing them would only cost time.</summary>
    private const int MaxLength = 64;

    /// <summary>The closest candidate if its distance is at most 2 and at most a third of the longer name (at least 1).</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        if (input.Length == 0 || input.Length > MaxLength) return null;
        var lower = input.ToLowerInvariant();
        // The same name in another case is the one meant ('V3' is 'v3'), even when another is one edit away too.
        var sameButCase = System.Linq.Enumerable.FirstOrDefault(candidates, c => c != input && string.Equals(c, input, StringComparison.OrdinalIgnoreCase));
        if (sameButCase is not null) return sameButCase;
        string? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var candidate in candidates)
        {
            if (candidate == input) continue;
            var limit = Math.Min(2, Math.Max(1, Math.Max(input.Length, candidate.Length) / 3));
            if (Math.Abs(candidate.Length - input.Length) > limit) continue;
            var distance = Distance(lower, candidate.ToLowerInvariant());
            // Equal but for case counts as one edit: 'Summary' is a typo of 'summary', not the same key.
            if (distance == 0) distance = 1;
            if (distance > limit) continue;
            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (candidate, distance, false);
            }
            else if (distance == bestDistance && candidate != best)
            {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /// <summary>" Did you mean 'x'?" (with the leading space), or "" when nothing is close: ready to append to a message.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } match ? $" Did you mean '{match}'?" : "";

    /// <summary>
    /// " Did you mean 'x'?" for a name of several words (a checker property): the nearest by spelling, or else the one
    /// name that holds every word written, each as spelt or one edit away ("pte stores at write level" is
    /// "pte stores happen at the write level", too far apart letter by letter). Small words ("at", "the") are not needed.
    /// </summary>
    public static string DidYouMeanPhrase(string input, IReadOnlyCollection<string> candidates)
    {
        if (Closest(input, candidates) is { } close) return $" Did you mean '{close}'?";
        var words = Words(input);
        if (words.Count < 2 || input.Length > MaxLength * 2) return "";
        var holding = candidates.Where(c => words.All(w => Words(c).Any(cw => SameWord(w, cw)))).ToList();
        return holding.Count == 1 ? $" Did you mean '{holding[0]}'?" : "";
    }

    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal) { "a", "an", "at", "the", "of", "in", "is", "to" };

    private static List<string> Words(string text) => Regex.Split(text.ToLowerInvariant(), "[^a-z0-9_]+")
        .Where(w => w.Length > 0 && !SmallWords.Contains(w)).ToList();

    private static bool SameWord(string written, string known) =>
        written == known || (written.Length >= 4 && Math.Abs(written.Length - known.Length) <= 1 && Distance(written, known) <= 1);

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1.</summary>
    public static int Distance(string a, string b)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
