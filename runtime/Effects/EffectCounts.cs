namespace LazyMmuGen.Runtime;

/// <summary>An immutable copy of the effect counters at one moment, or the difference of two.</summary>
public sealed class EffectCounts
{
    private readonly long[] counts;

    internal EffectCounts(long[] counts) => this.counts = counts;

    /// <summary>The count of one kind of effect.</summary>
    /// <param name="effect">The kind.</param>
    public long this[Effect effect] => counts[(int)effect];

    /// <summary>What happened between two snapshots: this one minus <paramref name="earlier"/>, counter by counter.</summary>
    /// <param name="earlier">A snapshot taken before this one.</param>
    public EffectCounts Minus(EffectCounts earlier)
    {
        var diff = new long[EffectNames.Count];
        for (var i = 0; i < diff.Length; i++) diff[i] = counts[i] - earlier.counts[i];
        return new EffectCounts(diff);
    }

    /// <summary>Non-zero counters in enum order, keyed by their shared names.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> NonZero() =>
        EffectNames.All.Where(e => counts[(int)e] != 0)
            .Select(e => new KeyValuePair<string, long>(EffectNames.Of(e), counts[(int)e]))
            .ToArray();

    /// <summary>The non-zero counters as "name=count" separated by spaces, e.g. "tlb_flush=1 tlb_flush_entries=2"; empty when none.</summary>
    public override string ToString() => string.Join(" ", NonZero().Select(kv => $"{kv.Key}={kv.Value}"));
}
