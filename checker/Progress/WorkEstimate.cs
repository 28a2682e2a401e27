namespace LazyMmuGen.Checker.Progress;

/// <summary>
/// How much of a check is done, weighted by work rather than by depth. The work of a depth is its frontier (each
/// frontier state is expanded once, by one clone and step per op of the alphabet), and frontiers grow by a roughly
/// steady ratio (about 2.7× per depth for the built-in arches), so the last depth alone is most of a check: a
/// per-depth percentage would sit at 5/6 while two thirds of the work is still ahead. Pure functions of the
/// frontier sizes seen so far, so a given sequence of counts always gives the same figures.
/// </summary>
public static class WorkEstimate
{
    /// <summary>
    /// The expected number of state expansions of a whole check: the known frontiers' sizes, plus the frontiers of
    /// the depths not reached yet, extrapolated from the last known one by the last observed growth ratio.
    /// </summary>
    /// <param name="frontiers">
    /// The frontier sizes known so far, element 0 being depth 1's (1: the initial state). The frontier a finished
    /// depth leaves is known before the next depth starts; elements past <paramref name="maxDepth"/> are ignored
    /// (the frontier after the last depth is never expanded).
    /// </param>
    /// <param name="maxDepth">The depth the check goes to (<see cref="CheckOptions.Depth"/>).</param>
    /// <returns>
    /// The estimate, exact once every frontier up to <paramref name="maxDepth"/> is known or one is empty (the
    /// check ends there); null while only one frontier is known, since a ratio needs two.
    /// </returns>
    public static long? Total(IReadOnlyList<long> frontiers, int maxDepth)
    {
        var known = Math.Min(frontiers.Count, maxDepth);
        if (known == 0) return null;
        long total = 0;
        for (var i = 0; i < known; i++) total += frontiers[i];
        var last = frontiers[known - 1];
        if (known == maxDepth || last == 0) return total;
        if (known < 2 || frontiers[known - 2] == 0) return null;
        var ratio = GrowthRatio(frontiers[known - 2], last);
        double next = last, rest = 0;
        for (var depth = known + 1; depth <= maxDepth; depth++)
        {
            next *= ratio;
            rest += next;
        }
        return total + (long)Math.Round(rest, MidpointRounding.AwayFromZero);
    }

    /// <summary>How much a frontier grew over the one before it: <paramref name="current"/> ÷ <paramref name="previous"/>.</summary>
    /// <param name="previous">The earlier frontier's size (positive).</param>
    /// <param name="current">The later frontier's size.</param>
    public static double GrowthRatio(long previous, long current) => (double)current / previous;

    /// <summary>The done fraction, 0 to 1, of <paramref name="expanded"/> out of <paramref name="total"/>; null when there is no estimate yet.</summary>
    /// <param name="expanded">States expanded so far.</param>
    /// <param name="total">The estimated total (<see cref="Total"/>), or null.</param>
    public static double? Fraction(long expanded, long? total) =>
        total is not { } t ? null : t <= 0 ? 1 : Math.Clamp((double)expanded / t, 0, 1);

    /// <summary>
    /// The expected expansions of a run of several arches: each arch's estimate where it has one, and for the others
    /// (not started, or too early to tell) the mean of those estimates, since the arches' checks are of a similar size.
    /// </summary>
    /// <param name="totals">One estimate per arch, in run order (<see cref="Total"/>, or the exact count of a finished arch); null where none is known yet.</param>
    /// <returns>The sum, or null when no arch has an estimate yet.</returns>
    public static long? Overall(IReadOnlyList<long?> totals)
    {
        var known = totals.Where(t => t is not null).Select(t => t!.Value).ToList();
        if (known.Count == 0) return null;
        var mean = known.Sum() / (double)known.Count;
        return known.Sum() + (long)Math.Round(mean * (totals.Count - known.Count), MidpointRounding.AwayFromZero);
    }
}
