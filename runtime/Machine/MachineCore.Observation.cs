using System.Text;

namespace LazyMmuGen.Runtime;

// Checker support, kept apart from the machine's rules (MachineCore.cs): what the model checker observes of a machine
// beyond the state the rules read, to recognise a state it has already explored (the fingerprint) and to check its
// batch properties (the mechanism primitives each CPU holds). No lazy MMU helper and no machine rule uses it.
// Machine.Observation.cs supplies the arch's half.
public abstract partial class MachineCore
{
    /// <summary>The mechanism primitives (batches, buffers, caches) a CPU's arch state holds.</summary>
    /// <param name="cpu">A CPU number.</param>
    public abstract IReadOnlyList<IMechanismState> MechanismStates(int cpu);

    /// <summary>
    /// Everything that decides future behaviour, as text: equal fingerprints mean equivalent machines,
    /// which lets a model checker explore each state once. Effect counters are history, not state.
    /// </summary>
    public string Fingerprint()
    {
        var builder = new StringBuilder();
        builder.Append("f").Append(CurrentCpuId);
        foreach (var cpu in cpus)
        {
            builder.Append("|cpu").Append(cpu.Id).Append(':').Append(cpu.PreemptCount).Append(',').Append(cpu.IrqDepth).Append(',').Append(cpu.CurrentTask);
            foreach (var saved in savedOnIrq[cpu.Id])
                builder.Append(",irq{").Append(string.Join(",", saved.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"))).Append('}');
        }
        for (var t = 0; t < states.Length; t++)
        {
            builder.Append("|task").Append(t).Append(':').Append(states[t].EnableCount).Append(',').Append(states[t].PauseCount).Append(',').Append(states[t].V2Nested).Append(',').Append(taskCpu[t]);
            foreach (var (name, value) in registers[t].Values.OrderBy(r => r.Key, StringComparer.Ordinal)) builder.Append(',').Append(name).Append('=').Append(value);
        }
        // Which ptes are valid decides behaviour (an invalidation is owed only for a valid old pte: powerpc
        // hash__pte_update(), sparc64 maybe_tlb_batch_add(), s390 ptep_flush_direct()), so it is state.
        // Stored values and pending addresses are left out: nothing decides anything from them outside
        // the primitives (whose fingerprints cover what they hold), so including them only multiplies states.
        builder.Append("|valid:").Append(PageTable.ValidFingerprint());
        builder.Append("|pending:").Append(string.Join(";", Pending.All.Select(p => $"{p.Task}/{p.Mm}/{p.InInterrupt}").OrderBy(x => x, StringComparer.Ordinal)));
        builder.Append("|warn:").Append(string.Join("", Enum.GetValues<WarnSite>().Select(w => Warnings.HasFired(w) ? '1' : '0')));
        AppendArchFingerprint(builder);
        return builder.ToString();
    }

    /// <summary>Appends the arch's per-task and per-CPU state to <see cref="Fingerprint"/>.</summary>
    /// <param name="builder">The fingerprint being built.</param>
    protected abstract void AppendArchFingerprint(StringBuilder builder);
}
