using LazyMmuGen.Runtime;
using LazyMmuGen.Simulator.Costs;

namespace LazyMmuGen.Simulator;

/// <summary>
/// One (arch, workload, mode) run. <see cref="Cycles"/> prices <see cref="Effects"/> and <see cref="Work"/>. It and
/// <see cref="VsEager"/> are null when the run stopped on an arch BUG or a refused machine operation (then
/// <see cref="Effects"/> is what happened before).
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

    /// <summary>The base work of a workload that models it (<see cref="Workloads.IWorkload.ModelsBaseWork"/>); empty otherwise.</summary>
    public WorkCounts Work { get; init; } = WorkCounts.None;
}
