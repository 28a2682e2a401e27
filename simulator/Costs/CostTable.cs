using LazyMmuGen.Runtime;

namespace LazyMmuGen.Simulator.Costs;

/// <summary>
/// Estimated cycles per counter: per effect (keyed by the shared effect names, <see cref="EffectNames"/>) and per
/// base-work item (<see cref="BaseWorkNames"/>). A table comes from a cost profile (<see cref="CostProfiles"/>), and
/// <c>--costs FILE</c> overrides single entries of it.
/// </summary>
public sealed class CostTable
{
    private readonly double[] effects;
    private readonly double[] work;

    private CostTable(double[] effects, double[] work) => (this.effects, this.work) = (effects, work);

    /// <summary>
    /// The default profile's table (simulator/Profiles/default.json): rough order-of-magnitude cycle costs, not
    /// measurements. They rank effects; they do not time a CPU.
    /// </summary>
    public static CostTable Default => CostProfiles.Default.Table;

    /// <summary>Every entry priced at zero: the start of the default profile, which must price every entry itself.</summary>
    internal static CostTable Zero { get; } = new(new double[EffectNames.Count], new double[BaseWorkNames.Count]);

    public double this[Effect effect] => effects[(int)effect];

    public double this[BaseWork item] => work[(int)item];

    public double this[CostEntry entry] => entry.Effect is { } e ? effects[(int)e] : work[(int)entry.Work!.Value];

    /// <summary>The cost of a run's side effects alone: the sum over effects of count × cycles.</summary>
    public double Of(EffectCounts counts) => EffectNames.All.Sum(e => counts[e] * effects[(int)e]);

    /// <summary>The cost of a whole run: its side effects plus its base work.</summary>
    public double Of(EffectCounts counts, WorkCounts baseWork) => Of(counts) + BaseWorkNames.All.Sum(w => baseWork[w] * work[(int)w]);

    /// <summary>A copy with some effect costs replaced.</summary>
    public CostTable With(IReadOnlyDictionary<Effect, double> overrides) =>
        With(overrides.ToDictionary(kv => CostEntry.Of(kv.Key), kv => kv.Value));

    /// <summary>A copy with some entries (effects or base work) replaced.</summary>
    public CostTable With(IReadOnlyDictionary<CostEntry, double> overrides)
    {
        var e = (double[])effects.Clone();
        var w = (double[])work.Clone();
        foreach (var (entry, value) in overrides)
        {
            if (entry.Effect is { } effect) e[(int)effect] = value;
            else w[(int)entry.Work!.Value] = value;
        }
        return new CostTable(e, w);
    }

    /// <summary>Every entry with its cycles, effects first, then base work.</summary>
    public IEnumerable<(string Name, double Cycles)> Entries => CostEntry.All.Select(e => (e.Name, this[e]));
}
