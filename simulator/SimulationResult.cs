using LazyMmuGen.Runtime;

namespace LazyMmuGen.Simulator;

/// <summary>
/// One (arch, workload, mode) run. <see cref="Cycles"/> and <see cref="VsEager"/> are null when the run
/// stopped on an arch BUG or a refused machine operation (then <see cref="Effects"/> is what happened before).
/// </summary>
public sealed record SimulationResult(
    string Arch,
    string Workload,
    int Size,
    SimMode Mode,
    EffectCounts Effects,
    double? Cycles,
    double? VsEager,
    IReadOnlyList<string> Notes)
{
    public bool Failed => Cycles is null;
}
