namespace LazyMmuGen.Runtime;

/// <summary>An immutable copy of the effect counters at one moment, or the difference of two.</summary>
public sealed class EffectCounts
{
    private readonly long[] counts;

    internal EffectCounts(long[] counts) => this.counts = counts;

    /// <summary>The count of one kind of effect.</summary>
    /// <param name="effect">The kind.</param>
    public long this[EffectKind effect] => effect.Index < counts.Length ? counts[effect.Index] : 0;

    /// <summary>The count of the kind with this counter name ("tlb_flush").</summary>
    /// <param name="name">A counter name some mechanism or the machine declares.</param>
    /// <exception cref="KeyNotFoundException">No code names a kind <paramref name="name"/>.</exception>
    public long this[string name] => this[Find(name)];

    /// <summary>What happened between two snapshots: this one minus <paramref name="earlier"/>, counter by counter.</summary>
    /// <param name="earlier">A snapshot taken before this one.</param>
    public EffectCounts Minus(EffectCounts earlier)
    {
        var diff = new long[Math.Max(counts.Length, earlier.counts.Length)];
        for (var i = 0; i < diff.Length; i++)
            diff[i] = (i < counts.Length ? counts[i] : 0) - (i < earlier.counts.Length ? earlier.counts[i] : 0);
        return new EffectCounts(diff);
    }

    /// <summary>Non-zero counters in output order (<see cref="EffectKind.Declared"/>), keyed by their names.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> NonZero() =>
        EffectRegistry.InOutputOrder().Where(e => this[e] != 0)
            .Select(e => new KeyValuePair<string, long>(e.Name, this[e]))
            .ToArray();

    /// <summary>The non-zero counters as "name=count" separated by spaces, e.g. "tlb_flush=1 tlb_flush_entries=2"; empty when none.</summary>
    public override string ToString() => string.Join(" ", NonZero().Select(kv => $"{kv.Key}={kv.Value}"));

    internal static EffectKind Find(string name) => EffectKind.TryFind(name, out var kind) ? kind
        : throw new KeyNotFoundException($"no effect kind is named '{name}'; declared: {string.Join(", ", EffectKind.Declared.Select(k => k.Name))}");
}
