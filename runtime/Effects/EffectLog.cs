namespace LazyMmuGen.Runtime;

/// <summary>Per-kind effect counters. Adding is allocation-free so hot-path benchmarks stay honest.</summary>
public sealed class EffectLog
{
    private readonly long[] counts = new long[EffectNames.Count];

    public void Add(Effect effect, long amount = 1) => counts[(int)effect] += amount;

    public long this[Effect effect] => counts[(int)effect];

    public EffectCounts Snapshot() => new((long[])counts.Clone());

    public void Reset() => Array.Clear(counts);

    internal void CopyFrom(EffectLog source) => Array.Copy(source.counts, counts, counts.Length);
}
