namespace LazyMmuGen.Checker.Explorer;

/// <summary>
/// Anchor runs no frontier stands on any more, made into the next depth's anchors by <see cref="CheckedRun.CopyFrom"/>
/// instead of a clone: a copy into an existing run reuses its objects and costs a tenth of a fresh object graph, and the
/// runs it reuses are already old to the GC (docs/checker.md#cost). Filled between depths, on one thread; taken
/// from by every worker during a depth, so a take is one interlocked decrement.
/// </summary>
public sealed class RunPool
{
    private CheckedRun[] free = [];
    private int count;

    /// <summary>A run in the state of <paramref name="source"/>: a recycled one copied into, or a clone when none is left.</summary>
    /// <param name="source">The run to copy (a worker's scratch run, just stepped).</param>
    public CheckedRun CopyOf(CheckedRun source)
    {
        var i = Interlocked.Decrement(ref count);
        if (i < 0) return source.Clone();
        var run = free[i];
        free[i] = null!;
        run.CopyFrom(source);
        return run;
    }

    /// <summary>
    /// Gives back the runs of an expanded depth. Only between depths: no worker may be taking meanwhile.
    /// </summary>
    /// <param name="runs">Runs no frontier refers to any more; a run given twice is taken once.</param>
    public void Refill(IEnumerable<CheckedRun> runs)
    {
        var kept = Math.Max(count, 0);
        // By reference: one run handed out twice would be two states at once.
        var distinct = new HashSet<CheckedRun>(free.AsSpan(0, kept).ToArray(), ReferenceEqualityComparer.Instance);
        distinct.UnionWith(runs);
        free = [.. distinct];
        count = free.Length;
    }
}
