using LazyMmuGen.Runtime;

namespace LazyMmuGen.Simulator.Costs;

/// <summary>
/// Estimated cycles per counter: per effect kind and per base-work item (<see cref="BaseWorkNames"/>). An effect
/// costs what its declaration says (its mechanism.yaml, or <see cref="MachineEffects"/>) unless a cost profile
/// (<see cref="CostProfiles"/>) or <c>--costs FILE</c> replaces it; base work is priced by the profile.
/// </summary>
public sealed class CostTable
{
    private readonly IReadOnlyDictionary<EffectKind, double> effects;
    private readonly double[] work;

    private CostTable(IReadOnlyDictionary<EffectKind, double> effects, double[] work) => (this.effects, this.work) = (effects, work);

    /// <summary>
    /// The default profile's table (simulator/Profiles/default.json over the declared effect costs): rough
    /// order-of-magnitude cycle costs, not measurements. They rank effects; they do not time a CPU.
    /// </summary>
    public static CostTable Default => CostProfiles.Default.Table;

    /// <summary>Declared effect costs and no base work: the start of the default profile, which prices base work itself.</summary>
    internal static CostTable Declared { get; } = new(new Dictionary<EffectKind, double>(), new double[BaseWorkNames.Count]);

    public double this[EffectKind effect] =>
        effects.TryGetValue(effect, out var cycles) ? cycles : effect.Declaration?.Cycles ?? 0;

    public double this[BaseWork item] => work[(int)item];

    /// <summary>The cycles of an entry by name ("dsb", "base_page").</summary>
    /// <exception cref="KeyNotFoundException">No declared effect or base-work item has that name.</exception>
    public double this[string name] => CostEntry.TryParse(name, out var entry) ? this[entry]
        : throw new KeyNotFoundException($"no cost entry '{name}'; known: {CostEntry.KnownNames}");

    public double this[CostEntry entry] => entry.Effect is { } e ? this[e] : work[(int)entry.Work!.Value];

    /// <summary>The cost of a run's side effects alone: the sum over effects of count × cycles.</summary>
    public double Of(EffectCounts counts) => EffectKind.Declared.Sum(kind => counts[kind] * this[kind]);

    /// <summary>The cost of a whole run: its side effects plus its base work.</summary>
    public double Of(EffectCounts counts, WorkCounts baseWork) => Of(counts) + BaseWorkNames.All.Sum(w => baseWork[w] * work[(int)w]);

    /// <summary>A copy with some effect costs replaced.</summary>
    public CostTable With(IReadOnlyDictionary<EffectKind, double> overrides) =>
        With(overrides.ToDictionary(kv => CostEntry.Of(kv.Key), kv => kv.Value));

    /// <summary>A copy with some entries (effects or base work) replaced.</summary>
    public CostTable With(IReadOnlyDictionary<CostEntry, double> overrides)
    {
        var e = new Dictionary<EffectKind, double>(effects);
        var w = (double[])work.Clone();
        foreach (var (entry, value) in overrides)
        {
            if (entry.Effect is { } effect) e[effect] = value;
            else w[(int)entry.Work!.Value] = value;
        }
        return new CostTable(e, w);
    }

    /// <summary>Every entry with its cycles, effects first, then base work.</summary>
    public IEnumerable<(string Name, double Cycles)> Entries => CostEntry.All.Select(e => (e.Name, this[e]));
}
