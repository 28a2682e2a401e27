using LazyMmuGen.Runtime;

namespace LazyMmuGen.Simulator.Costs;

/// <summary>One priced counter: an effect the machine counts, or a base-work item a workload declares.</summary>
public readonly record struct CostEntry
{
    private CostEntry(Effect? effect, BaseWork? work) => (Effect, Work) = (effect, work);

    public Effect? Effect { get; }
    public BaseWork? Work { get; }

    public static CostEntry Of(Effect effect) => new(effect, null);
    public static CostEntry Of(BaseWork work) => new(null, work);

    public string Name => Effect is { } e ? EffectNames.Of(e) : BaseWorkNames.Of(Work!.Value);

    /// <summary>Every entry, effects first (in the shared effect order), then base work.</summary>
    public static IReadOnlyList<CostEntry> All { get; } = [.. EffectNames.All.Select(Of), .. BaseWorkNames.All.Select(Of)];

    public static string KnownNames => string.Join(", ", All.Select(e => e.Name));

    public static bool TryParse(string name, out CostEntry entry)
    {
        if (EffectNames.TryParse(name, out var effect)) { entry = Of(effect); return true; }
        if (BaseWorkNames.TryParse(name, out var work)) { entry = Of(work); return true; }
        entry = default;
        return false;
    }

    /// <summary>The count of this entry in one run.</summary>
    public long CountIn(EffectCounts effects, WorkCounts work) => Effect is { } e ? effects[e] : work[Work!.Value];

    public override string ToString() => Name;
}
