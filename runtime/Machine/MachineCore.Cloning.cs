namespace LazyMmuGen.Runtime;

// Checker support, kept apart from the machine's rules (MachineCore.cs): the model checker branches by cloning a
// machine at each state it expands instead of replaying the path to it (checker/ModelChecker.cs through
// CheckedRun.Clone and TraceRunner.Clone). No lazy MMU helper and no machine rule uses it. This part copies the
// generic state; Machine.Cloning.cs copies the arch's.
public abstract partial class MachineCore
{
    /// <summary>A deep copy for model checkers (logs of the current op are not copied); see <see cref="Clone"/>.</summary>
    /// <param name="source">The machine to copy.</param>
    protected MachineCore(MachineCore source)
    {
        Options = source.Options;
        cpus = source.cpus.Select(c => c.Clone()).ToArray();
        registers = source.registers.Select(r => r.Clone()).ToArray();
        savedOnIrq = source.savedOnIrq
            .Select(stack => new Stack<Dictionary<string, ulong>>(stack.Reverse().Select(d => new Dictionary<string, ulong>(d))))
            .ToArray();
        states = (LazyMmuState[])source.states.Clone();
        taskCpu = (int[])source.taskCpu.Clone();
        Callbacks = new CallbackLog(Options.Record);
        Warnings = new WarnOnceLog(Options.Policy, Options.Record);
        Warnings.CopyFrom(source.Warnings);
        Effects.CopyFrom(source.Effects);
        PageTable.CopyFrom(source.PageTable);
        Pending.CopyFrom(source.Pending);
        CurrentCpuId = source.CurrentCpuId;
    }

    /// <summary>An independent machine in the same state, so an explorer can branch without replaying.</summary>
    public abstract MachineCore Clone();
}
