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
    /// <param name="priorRatios">
    /// Growth ratios per depth learned from arches already checked in the same run (<see cref="Ratios"/>), or null.
    /// Growth slows with depth (states saturate), so the last ratio alone overestimates early: after depth 2 it can
    /// be several times the real total. With a prior, the depths ahead grow as they did there, scaled by how this
    /// arch's last ratio compares with the prior's at the same depth.
    /// </param>
    public static long? Total(IReadOnlyList<long> frontiers, int maxDepth, IReadOnlyList<double>? priorRatios = null)
    {
        var known = Math.Min(frontiers.Count, maxDepth);
        if (known == 0) return null;
        long total = 0;
        for (var i = 0; i < known; i++) total += frontiers[i];
        var last = frontiers[known - 1];
        if (known == maxDepth || last == 0) return total;
        if (known < 2 || frontiers[known - 2] == 0) return null;
        var ratio = GrowthRatio(frontiers[known - 2], last);
        // Ratio i is frontier i + 1 over frontier i: the last one observed is known - 2.
        var scale = priorRatios is { } p && p.Count > known - 2 && p[known - 2] > 0 ? ratio / p[known - 2] : (double?)null;
        double next = last, rest = 0;
        for (var depth = known + 1; depth <= maxDepth; depth++)
        {
            var i = depth - 2;
            next *= scale is { } k && priorRatios!.Count > i ? priorRatios[i] * k : ratio;
            rest += next;
        }
        return total + (long)Math.Round(rest, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The mean growth ratio per depth (element i: frontier i + 1 ÷ frontier i) over the frontiers of finished checks,
    /// for <see cref="Total"/>'s prior; a depth no check grew from (an empty or missing frontier) ends the list.
    /// </summary>
    /// <param name="finished">Each finished check's frontier sizes, element 0 being depth 1's.</param>
    public static IReadOnlyList<double>? Ratios(IReadOnlyList<IReadOnlyList<long>> finished)
    {
        var ratios = new List<double>();
        for (var i = 0; ; i++)
        {
            var grown = finished.Where(f => f.Count > i + 1 && f[i] > 0 && f[i + 1] > 0).Select(f => GrowthRatio(f[i], f[i + 1])).ToList();
            if (grown.Count == 0) break;
            ratios.Add(grown.Average());
        }
        return ratios.Count == 0 ? null : ratios;
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
