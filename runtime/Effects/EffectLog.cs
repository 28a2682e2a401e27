namespace LazyMmuGen.Runtime;

/// <summary>Per-kind effect counters. Adding is allocation-free so hot-path benchmarks stay honest.</summary>
public sealed class EffectLog
{
    private long[] counts = new long[EffectRegistry.Count];

    /// <summary>Adds <paramref name="amount"/> to one counter.</summary>
    /// <param name="effect">The kind of effect.</param>
    /// <param name="amount">How many; default 1.</param>
    public void Add(EffectKind effect, long amount = 1)
    {
        var index = effect.Index;
        var current = counts;
        if ((uint)index < (uint)current.Length) current[index] += amount;
        else Grow(index, amount);
    }

    /// <summary>The current count of one kind of effect since the machine was built (or <see cref="Reset"/>).</summary>
    /// <param name="effect">The kind.</param>
    public long this[EffectKind effect] => effect.Index < counts.Length ? counts[effect.Index] : 0;

    /// <summary>The current count of the kind with this counter name ("tlb_flush").</summary>
    /// <param name="name">A counter name some mechanism or the machine declares.</param>
    /// <exception cref="KeyNotFoundException">No code names a kind <paramref name="name"/>.</exception>
    public long this[string name] => this[EffectCounts.Find(name)];

    /// <summary>An immutable copy of every counter now; subtract two with <see cref="EffectCounts.Minus"/>.</summary>
    public EffectCounts Snapshot() => new((long[])counts.Clone());

    /// <summary>Sets every counter to 0.</summary>
    public void Reset() => Array.Clear(counts);

    internal void CopyFrom(EffectLog source)
    {
        // A longer log keeps its length (the kinds past the source's count 0): logs made before and after another arch
        // declared kinds are copied into each other without a new array each time.
        if (counts.Length < source.counts.Length) counts = new long[source.counts.Length];
        source.counts.AsSpan().CopyTo(counts);
        counts.AsSpan(source.counts.Length).Clear();
    }

    // A kind declared after this log was made (an arch loaded later): only then does the array grow.
    private void Grow(int index, long amount)
    {
        Array.Resize(ref counts, Math.Max(index + 1, EffectRegistry.Count));
        counts[index] += amount;
    }
}
