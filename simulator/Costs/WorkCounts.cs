namespace LazyMmuGen.Simulator.Costs;

/// <summary>How much base work (<see cref="BaseWork"/>) a run did: immutable, zero for a workload that declares none.</summary>
public sealed class WorkCounts
{
    private readonly long[] counts;

    public WorkCounts(IReadOnlyDictionary<BaseWork, long> counts)
    {
        this.counts = new long[BaseWorkNames.Count];
        foreach (var (work, count) in counts) this.counts[(int)work] = count;
    }

    public static WorkCounts None { get; } = new(new Dictionary<BaseWork, long>());

    public long this[BaseWork work] => counts[(int)work];

    public bool IsEmpty => counts.All(c => c == 0);

    /// <summary>Non-zero counters in enum order, keyed by their shared names.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> NonZero() =>
        BaseWorkNames.All.Where(w => counts[(int)w] != 0)
            .Select(w => new KeyValuePair<string, long>(BaseWorkNames.Of(w), counts[(int)w]))
            .ToArray();

    public override string ToString() => string.Join(" ", NonZero().Select(kv => $"{kv.Key}={kv.Value}"));
}
