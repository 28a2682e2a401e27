using LazyMmuGen.Runtime;

namespace LazyMmuGen.Simulator.Costs;

/// <summary>One priced counter: an effect kind some mechanism (or the machine) declares, or a base-work item a workload declares.</summary>
public readonly record struct CostEntry
{
    private CostEntry(EffectKind? effect, BaseWork? work) => (Effect, Work) = (effect, work);

    public EffectKind? Effect { get; }
    public BaseWork? Work { get; }

    public static CostEntry Of(EffectKind effect) => new(effect, null);
    public static CostEntry Of(BaseWork work) => new(null, work);

    public string Name => Effect is { } e ? e.Name : BaseWorkNames.Of(Work!.Value);

    /// <summary>
    /// Every entry: the declared effect kinds (in output order; the built-in arches' kinds are always declared, an
    /// external arch's once it is loaded), then base work.
    /// </summary>
    public static IReadOnlyList<CostEntry> All
    {
        get
        {
            BuiltinEffects.EnsureDeclared();
            return [.. EffectKind.Declared.Select(Of), .. BaseWorkNames.All.Select(Of)];
        }
    }

    public static string KnownNames => string.Join(", ", All.Select(e => e.Name));

    public static bool TryParse(string name, out CostEntry entry)
    {
        BuiltinEffects.EnsureDeclared();
        if (EffectKind.TryFind(name, out var effect) && effect.Declaration is not null) { entry = Of(effect); return true; }
        if (BaseWorkNames.TryParse(name, out var work)) { entry = Of(work); return true; }
        entry = default;
        return false;
    }

    /// <summary>The count of this entry in one run.</summary>
    public long CountIn(EffectCounts effects, WorkCounts work) => Effect is { } e ? effects[e] : work[Work!.Value];

    public override string ToString() => Name;
}
