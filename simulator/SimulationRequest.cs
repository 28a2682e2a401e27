using LazyMmuGen.Runtime;
using LazyMmuGen.Simulator.Costs;
using LazyMmuGen.Simulator.Workloads;

namespace LazyMmuGen.Simulator;

/// <summary>What to run: every arch × workload × mode, at one size, priced with one cost table.</summary>
public sealed record SimulationRequest(
    IReadOnlyList<ArchInfo> Arches,
    IReadOnlyList<IWorkload> Workloads,
    IReadOnlyList<SimMode> Modes,
    int Size,
    CostTable Costs);
