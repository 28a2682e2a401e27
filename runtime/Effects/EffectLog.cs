namespace LazyMmuGen.Runtime;

/// <summary>Per-kind effect counters. Adding is allocation-free so hot-path benchmarks stay honest.</summary>
public sealed class EffectLog
{
    private readonly long[] counts = new long[EffectNames.Count];

    /// <summary>Adds <paramref name="amount"/> to one counter.</summary>
    /// <param name="effect">The kind of effect.</param>
    /// <param name="amount">How many; default 1.</param>
    public void Add(Effect effect, long amount = 1) => counts[(int)effect] += amount;

    /// <summary>The current count of one kind of effect since the machine was built (or <see cref="Reset"/>).</summary>
    /// <param name="effect">The kind.</param>
    public long this[Effect effect] => counts[(int)effect];

    /// <summary>An immutable copy of every counter now; subtract two with <see cref="EffectCounts.Minus"/>.</summary>
    public EffectCounts Snapshot() => new((long[])counts.Clone());

    /// <summary>Sets every counter to 0.</summary>
    public void Reset() => Array.Clear(counts);

    internal void CopyFrom(EffectLog source) => Array.Copy(source.counts, counts, counts.Length);
}
