namespace LazyMmuGen.Runtime;

// Checker support, kept apart from the machine's rules (MachineCore.cs): what the model checker observes of a machine
// beyond the state the rules read, to recognise a state it has already explored (its canonical state) and to check its
// batch properties (the mechanism primitives each CPU holds). No lazy MMU helper and no machine rule uses it.
// Machine.Observation.cs supplies the arch's half.
public abstract partial class MachineCore
{
    /// <summary>The mechanism primitives (batches, buffers, caches) a CPU's arch state holds.</summary>
    /// <param name="cpu">A CPU number.</param>
    public IReadOnlyList<IMechanismState> MechanismStates(int cpu)
    {
        var states = new List<IMechanismState>();
        AddMechanismStates(cpu, states);
        return states;
    }

    /// <summary>Adds the mechanism primitives a CPU's arch state holds to <paramref name="into"/> (<see cref="MechanismStates"/> without a new list).</summary>
    /// <param name="cpu">A CPU number.</param>
    /// <param name="into">The list to add to.</param>
    public abstract void AddMechanismStates(int cpu, List<IMechanismState> into);

    /// <summary>
    /// Orders two CPUs by what they run and their preemption and interrupt depth, never by their numbers, so a checker
    /// that renames CPUs (docs/checker.md#symmetry) can sort them into one canonical order and write the state once.
    /// 0 means this cheap look cannot tell them apart (two idle CPUs, say): the checker then tries every renaming.
    /// </summary>
    /// <param name="a">A CPU number.</param>
    /// <param name="b">Another CPU number.</param>
    public int CompareCpus(int a, int b)
    {
        var (x, y) = (cpus[a], cpus[b]);
        if (x.CurrentTask != y.CurrentTask) return x.CurrentTask.CompareTo(y.CurrentTask);
        if (x.PreemptCount != y.PreemptCount) return x.PreemptCount.CompareTo(y.PreemptCount);
        return x.IrqDepth.CompareTo(y.IrqDepth);
    }

    /// <summary>
    /// Writes everything that decides future behaviour: equal encodings mean equivalent machines, which lets a model
    /// checker explore each state once. Effect counters are history, not state. Allocates nothing.
    /// </summary>
    /// <param name="writer">The state being written (binary for keys, <see cref="StateWriter.ForText"/> to read it).</param>
    public void WriteState(StateWriter writer)
    {
        // CPU numbers go through writer.Cpu and per-CPU state in the writer's CPU order, so a checker may rename CPUs.
        writer.Label("f").Cpu(CurrentCpuId);
        for (var slot = 0; slot < cpus.Length; slot++)
        {
            var cpu = cpus[writer.CpuInSlot(slot)];
            writer.Label("|cpu").Cpu(cpu.Id).Label(":").Int(cpu.PreemptCount).Int(cpu.IrqDepth).Int(cpu.CurrentTask);
            var saved = savedOnIrq[cpu.Id];
            writer.Label("irq").Count(saved?.Count ?? 0);
            if (saved is null) continue;
            // Innermost first, as the stack the machine used to keep enumerated them.
            for (var depth = 0; depth < saved.Count; depth++) saved.FromTop(depth).WriteState(writer);
        }
        for (var t = 0; t < states.Length; t++)
        {
            writer.Label("|task").Int(t).Label(":").Int(states[t].EnableCount).Int(states[t].PauseCount).ULong(states[t].V2Nested).Cpu(taskCpu[t]);
            registers[t].WriteState(writer);
        }
        // Which ptes are valid decides behaviour (an invalidation is owed only for a valid old pte: powerpc
        // hash__pte_update(), sparc64 maybe_tlb_batch_add(), s390 ptep_flush_direct()), so it is state.
        // Stored values and pending addresses are left out: nothing decides anything from them outside
        // the primitives (whose states cover what they hold), so including them only multiplies states.
        writer.Label("|valid:");
        PageTable.WriteValid(writer);
        writer.Label("|pending:");
        Pending.WriteState(writer);
        writer.Label("|warn:").Int(Warnings.FiredMask);
        WriteArchState(writer);
    }

    /// <summary>The state as text (<see cref="WriteState"/> through a text writer): for messages and tests.</summary>
    public string Fingerprint()
    {
        return StateWriter.Render(WriteState);
    }

    /// <summary>Writes the arch's per-task and per-CPU state after the generic state (<see cref="WriteState"/>).</summary>
    /// <param name="writer">The state being written.</param>
    protected abstract void WriteArchState(StateWriter writer);
}
