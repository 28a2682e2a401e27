namespace LazyMmuGen.Simulator.Costs;

/// <summary>
/// A named cost profile (simulator/Profiles/*.json, or a file given to <c>--profile</c>): the cycles of every effect
/// and base-work item with the source of each number, and, for a profile fitted to a published measurement, what
/// it was fitted to (<see cref="Calibration"/>).
/// </summary>
public sealed record CostProfile(
    string Name,
    string Summary,
    string? Inherits,
    CostTable Table,
    IReadOnlyDictionary<string, string> Sources,
    CalibrationSpec? Calibration)
{
    /// <summary>
    /// Where the number of one entry comes from: the profile that set it (inherited entries keep their profile's
    /// source), or else the effect's declaration.
    /// </summary>
    public string SourceOf(CostEntry entry) => Sources.TryGetValue(entry.Name, out var source) ? source : entry.Effect?.Declaration?.CostSource ?? "";
}

/// <summary>
/// What a profile's free parameters were fitted to: a published change in time per call of one kernel test,
/// modelled by <see cref="Workload"/> on <see cref="Arch"/>, as <see cref="Mode"/> against <see cref="Baseline"/>.
/// The fit uses only <see cref="FitSizes"/>; every other measured size is a prediction.
/// </summary>
public sealed record CalibrationSpec(
    string Machine,
    string Workload,
    string Arch,
    SimMode Baseline,
    SimMode Mode,
    IReadOnlyList<CostEntry> Free,
    IReadOnlyList<int> FitSizes,
    IReadOnlyList<MeasuredPoint> Measured,
    string Source)
{
    /// <summary>At most this many free parameters per profile.</summary>
    public const int MaxFree = 3;

    public bool IsFitted(int size) => FitSizes.Contains(size);
}

/// <summary>One published number: at <see cref="Size"/> (pages per call), the change in time per call, in percent (negative: faster).</summary>
public readonly record struct MeasuredPoint(int Size, double ChangePercent);
