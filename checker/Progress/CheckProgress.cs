namespace LazyMmuGen.Checker.Progress;

/// <summary>
/// The live counters of one running check, for a progress display to poll from another thread
/// (<see cref="CheckOptions.Tracker"/>): the depth being expanded, the states expanded so far and the frontier sizes,
/// from which <see cref="WorkEstimate"/> estimates the whole check's work. Only <see cref="ModelChecker"/> updates it;
/// it does not change what the check explores or finds.
/// </summary>
public sealed class CheckProgress
{
    private readonly object gate = new();
    private readonly List<long> frontiers = [];
    private long expanded;
    private int depth;
    private int maxDepth;
    private bool finished;

    /// <summary>What the counters say at one moment.</summary>
    /// <param name="Depth">The depth being expanded (or the last one, once finished); 0 before the check starts.</param>
    /// <param name="MaxDepth">The depth the check goes to.</param>
    /// <param name="Expanded">States expanded so far.</param>
    /// <param name="Frontiers">The frontier sizes known so far, element 0 being depth 1's.</param>
    /// <param name="Finished">True once the check returned (passed, or stopped at a violation).</param>
    public sealed record Snapshot(int Depth, int MaxDepth, long Expanded, IReadOnlyList<long> Frontiers, bool Finished)
    {
        /// <summary>The expected expansions of the whole check: exact once finished, else <see cref="WorkEstimate.Total"/>; null before the check starts or while only depth 1 is known.</summary>
        public long? EstimatedTotal => EstimatedTotalWith(null);

        /// <summary><see cref="EstimatedTotal"/> with growth ratios learned from arches checked before (<see cref="WorkEstimate.Ratios"/>).</summary>
        /// <param name="priorRatios">The ratios, or null.</param>
        public long? EstimatedTotalWith(IReadOnlyList<double>? priorRatios) =>
            Finished ? Expanded : WorkEstimate.Total(Frontiers, MaxDepth, priorRatios);

        /// <summary>The done fraction, 0 to 1, or null when there is no estimate yet.</summary>
        public double? Fraction => WorkEstimate.Fraction(Expanded, EstimatedTotal);
    }

    /// <summary>The counters now.</summary>
    public Snapshot Read()
    {
        lock (gate) return new Snapshot(depth, maxDepth, Interlocked.Read(ref expanded), frontiers.ToArray(), finished);
    }

    internal void Start(int depthLimit)
    {
        lock (gate) maxDepth = depthLimit;
    }

    /// <summary>A frontier is known: the initial one, or the one a finished depth left.</summary>
    internal void Frontier(long size)
    {
        lock (gate) frontiers.Add(size);
    }

    internal void BeginDepth(int current)
    {
        lock (gate) depth = current;
    }

    internal void Expanded() => Interlocked.Increment(ref expanded);

    internal void Finish()
    {
        lock (gate) finished = true;
    }
}
