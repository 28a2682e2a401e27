namespace LazyMmuGen.Simulator.Tests;

/// <summary>Runs one (arch, workload, mode) with the default cost table.</summary>
public static class Sim
{
    public static SimulationResult Run(string arch, string workload, string mode, int size = WorkloadCatalog.DefaultSize) =>
        SimulationRunner.RunOne(LazyMmuArchRegistry.Find(arch)!, WorkloadCatalog.Find(workload)!, Parse(mode), size, CostTable.Default, null);

    /// <summary>Every arch × workload × mode at the default size, as `lazymmu simulate` runs them.</summary>
    public static IReadOnlyList<SimulationResult> All(CostTable? costs = null) =>
        SimulationRunner.Run(new SimulationRequest(LazyMmuArchRegistry.All, WorkloadCatalog.All, SimModes.All, WorkloadCatalog.DefaultSize, costs ?? CostTable.Default));

    public static SimMode Parse(string mode) => SimModes.Parse(mode, out _)!.Single();
}
