using LazyMmuGen.Arches;
using LazyMmuGen.Checker.Progress;

namespace LazyMmuGen.Checker.Tests;

/// <summary>Issue 14: progress weighted by expected work (state expansions), estimated from the frontier sizes seen so far.</summary>
public sealed class WorkEstimateTests
{
    /// <summary>arm64's frontiers at depths 1 to 6, and the one depth 6 leaves (a fixed sequence: the figures below are exact).</summary>
    private static readonly long[] Arm64 = [1, 10, 57, 248, 926, 3078, 9111];

    [Fact]
    public void The_total_extrapolates_the_last_growth_ratio_to_the_max_depth()
    {
        Assert.Null(WorkEstimate.Total([], 6));
        Assert.Null(WorkEstimate.Total(Arm64[..1], 6)); // one frontier: no ratio yet
        Assert.Equal(111_111, WorkEstimate.Total(Arm64[..2], 6)); // ×10 per depth: 1 + 10 + 100 + 1000 + 10000 + 100000
        Assert.Equal(12_801, WorkEstimate.Total(Arm64[..3], 6)); // 68 + 57 × (5.7 + 5.7² + 5.7³) = 68 + 12732.831
        Assert.Equal(6_090, WorkEstimate.Total(Arm64[..4], 6));
        Assert.Equal(4_700, WorkEstimate.Total(Arm64[..5], 6));
        Assert.Equal(4_320, WorkEstimate.Total(Arm64[..6], 6)); // every frontier known: exact, 1 + 10 + ... + 3078
        Assert.Equal(4_320, WorkEstimate.Total(Arm64, 6)); // the frontier after the last depth is never expanded
        Assert.Equal(13_431, WorkEstimate.Total(Arm64, 7));
        Assert.Equal(1, WorkEstimate.Total([1], 1));
    }

    [Fact]
    public void A_shrinking_or_empty_frontier_ends_the_estimate()
    {
        Assert.Equal(11, WorkEstimate.Total([1, 10, 0], 6)); // nothing new at depth 3: the check ends there
        Assert.Equal(9, WorkEstimate.Total([1, 4, 2], 5)); // ×0.5: 7 + 1 + 0.5 = 8.5, rounded away from zero
        Assert.Equal(0.5, WorkEstimate.GrowthRatio(4, 2));
    }

    [Fact]
    public void A_prior_from_finished_arches_shapes_the_depths_ahead()
    {
        // Seen with --progress over arm64 then sparc64: after its depth 2 alone, sparc64's last ratio (×11) said ~11111
        // expansions where depth 5 needs 1976. The growth arm64 showed, scaled by how the two compare at that depth, says
        // what follows instead.
        var prior = WorkEstimate.Ratios([Arm64]);
        Assert.Equal(new[] { 10, 5.7, 248 / 57.0, 926 / 248.0, 3078 / 926.0, 9111 / 3078.0 }, prior);
        // Arm64's own frontiers with its own prior are estimated exactly from the first ratio on.
        Assert.Equal(4_320, WorkEstimate.Total(Arm64[..2], 6, prior));
        // Twice arm64's growth at depth 1 (×20): each later depth twice arm64's ratio too, 1 + 20 + 20·11.4 + ...
        Assert.Equal(1 + 20 + 228 + 1_984 + 14_816 + 98_496, WorkEstimate.Total([1, 20], 6, prior));
        // Past the depths the prior knows, the last ratio goes on as without one.
        Assert.Equal(WorkEstimate.Total([1, 10], 3), WorkEstimate.Total([1, 10], 3, [10]));
        Assert.Equal(111, WorkEstimate.Total([1, 10], 3, [10]));
        Assert.Null(WorkEstimate.Ratios([[1]]));
        Assert.Equal(new[] { 2.0, 2.5 }, WorkEstimate.Ratios([[1, 2, 4], [1, 2, 6, 0]])); // mean per depth; an empty frontier grew nothing
    }

    [Fact]
    public void Fractions_and_the_overall_estimate()
    {
        Assert.Equal(0.25, WorkEstimate.Fraction(50, 200));
        Assert.Null(WorkEstimate.Fraction(50, null));
        Assert.Equal(1, WorkEstimate.Fraction(0, 0));
        Assert.Null(WorkEstimate.Overall([null, null]));
        Assert.Equal(600, WorkEstimate.Overall([100, null, 300])); // the arch without an estimate counts as the mean, 200
        Assert.Equal(4_320 + 1, WorkEstimate.Overall([4_320, 1]));
    }

    [Fact]
    public void The_checker_keeps_the_tracker_up_to_date_and_exact_at_the_end()
    {
        var arch = LazyMmuArchRegistry.Find("x86-native")!;
        var tracker = new CheckProgress();
        var seen = new List<CheckProgress.Snapshot>();
        var result = ModelChecker.Check(arch, new CheckOptions { Depth = 5, Tracker = tracker, Progress = (_, _, _) => seen.Add(tracker.Read()) });

        var end = tracker.Read();
        Assert.True(end.Finished);
        Assert.Equal(5, end.Depth);
        Assert.Equal(6, end.Frontiers.Count); // the initial frontier and the one each depth leaves
        Assert.Equal(1, end.Frontiers[0]);
        Assert.Equal(end.Frontiers.Take(5).Sum(), end.Expanded);
        Assert.Equal(result.States, end.Frontiers.Sum()); // every distinct state was a frontier once
        Assert.Equal(result.Transitions, end.Expanded * Alphabet.For(arch).Count);
        Assert.Equal(end.Expanded, end.EstimatedTotal);
        Assert.Equal(1.0, end.Fraction);

        // After each depth: that depth's expansions are counted, and the estimate is the pure function's of the frontiers.
        Assert.Equal([1, 2, 3, 4, 5], seen.Select(s => s.Depth));
        Assert.All(seen, s =>
        {
            Assert.False(s.Finished);
            Assert.Equal(s.Depth + 1, s.Frontiers.Count);
            Assert.Equal(s.Frontiers.Take(s.Depth).Sum(), s.Expanded);
            Assert.Equal(WorkEstimate.Total(s.Frontiers, 5), s.EstimatedTotal);
        });
        Assert.Equal(end.Expanded, seen[^1].EstimatedTotal);
    }

    [Fact]
    public void A_violation_finishes_the_tracker_at_its_depth()
    {
        var tracker = new CheckProgress();
        ModelChecker.Check(LazyMmuArchRegistry.Find("x86-xen-strict-enter")!, new CheckOptions { Depth = 4, Tracker = tracker });
        var end = tracker.Read();
        Assert.Equal((true, 1, 4, 1L, 1L), (end.Finished, end.Depth, end.MaxDepth, end.Expanded, end.EstimatedTotal));
        Assert.Equal([1L], end.Frontiers);
    }
}
