using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;
using LazyMmuGen.Simulator.Costs;
using LazyMmuGen.Simulator.Workloads;

namespace LazyMmuGen.Simulator;

/// <summary>Runs workloads on fresh machines, one per (arch, workload, mode), and prices the effects and any base work.</summary>
public static class SimulationRunner
{
    public static IReadOnlyList<SimulationResult> Run(SimulationRequest request)
    {
        var results = new List<SimulationResult>();
        foreach (var arch in request.Arches)
        {
            foreach (var workload in request.Workloads)
            {
                // Eager is the reference for every ratio, so it runs even when it is not shown.
                var eager = RunOne(arch, workload, SimMode.Eager, request.Size, request.Costs, null);
                foreach (var mode in request.Modes)
                    results.Add(mode == SimMode.Eager ? eager : RunOne(arch, workload, mode, request.Size, request.Costs, eager.Cycles));
            }
        }
        return results;
    }

    public static SimulationResult RunOne(ArchInfo arch, IWorkload workload, SimMode mode, int size, CostTable costs, double? eagerCycles)
    {
        var machine = arch.CreateMachine(MachineOptions.Default with { Revision = mode.Revision(), Record = false });
        var context = new WorkloadContext(machine, lazy: mode != SimMode.Eager, rangedEnable: arch.TakesEnableRange);
        var notes = new List<string>();
        var registersBefore = Registers(machine);
        var completed = true;
        try
        {
            workload.Run(context, size);
            context.Finish();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Every way a run can end early is a row's note, as trace shows it, not a crash of the whole table: a BUG,
            // a refused op, a store fault, and a consumer's own arch code that threw (with where it threw).
            notes.Add(e switch
            {
                ArchBugException => "BUG: " + e.Message,
                MachineRuleException or LazyMmuMisuseException => "stopped: " + e.Message,
                PteStoreFaultException => PteStoreFaultException.Prefix + e.Message,
                _ => TraceRunner.ThrewPrefix + ThrowSite.Describe(e),
            });
            completed = false;
        }
        if (completed) notes.AddRange(Leftovers(machine, registersBefore));
        var effects = machine.Effects.Snapshot();
        var work = workload.ModelsBaseWork ? context.WorkDone : WorkCounts.None;
        double? cycles = completed ? costs.Of(effects, work) : null;
        var ratio = mode == SimMode.Eager ? (cycles is null ? null : 1.0) : cycles / eagerCycles;
        if (ratio is double r && !double.IsFinite(r)) ratio = null;
        return new SimulationResult(arch.Name, workload.Name, size, mode, effects, cycles, ratio, notes) { Work = work };
    }

    /// <summary>What a finished run left wrong: updates never completed, preemption, warnings, registers.</summary>
    private static IEnumerable<string> Leftovers(MachineCore machine, IReadOnlyDictionary<(int, string), ulong> registersBefore)
    {
        if (machine.Pending.Count > 0) yield return $"{machine.Pending.Count} updates never took effect";
        foreach (var cpu in machine.Cpus.Where(c => c.PreemptCount != 0))
            yield return $"preempt_count {cpu.PreemptCount} on CPU {cpu.Id} at the end";
        foreach (var site in Enum.GetValues<WarnSite>().Where(machine.Warnings.HasFired))
            yield return "WARN: " + WarnOnceLog.Message(site);
        foreach (var ((task, name), value) in Registers(machine).Where(r => registersBefore.GetValueOrDefault(r.Key) != r.Value))
            yield return $"{name}={value} left for task {task} (was {registersBefore.GetValueOrDefault((task, name))})";
    }

    /// <summary>Every task's system registers by (task, name); an absent register reads as 0.</summary>
    private static IReadOnlyDictionary<(int, string), ulong> Registers(MachineCore machine) =>
        Enumerable.Range(1, machine.MaxTasks - 1)
            .SelectMany(t => machine.TaskRegisters(t).Values.Select(r => (Key: (t, r.Key), r.Value)))
            .Where(r => r.Value != 0)
            .ToDictionary(r => r.Key, r => r.Value);
}
