using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// One kind of effect a mechanism declares in its mechanism.yaml: the counter name output keeps, what it counts,
/// and its default cost. This is the kind's one home; the generated arch declares it to the runtime from here.
/// </summary>
public sealed record EffectDefinition(string Name, string Owner, int Position, string Summary, double Cycles, string CostSource)
{
    public LocationInfo? Location { get; init; }
}

/// <summary>A kind a mechanism emits (declared by it or by another mechanism), where its definition names it.</summary>
public sealed record EffectUse(string Name, LocationInfo? Location);
