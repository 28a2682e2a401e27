namespace LazyMmuGen.Runtime;

// Checker support, kept apart from the machine's rules (MachineCore.cs): the model checker branches by cloning a
// machine at each state it expands instead of replaying the path to it (checker/ModelChecker.cs through
// CheckedRun.Clone and TraceRunner.Clone). No lazy MMU helper and no machine rule uses it. This part copies the
// generic state; Machine.Cloning.cs copies the arch's.
public abstract partial class MachineCore
{
    /// <summary>A deep copy for model checkers (logs of the current op are not copied); see <see cref="Clone"/>.</summary>
    /// <param name="source">The machine to copy.</param>
    // A fresh machine made a copy: what a copy copies has one home, CopyGenericFrom.
    protected MachineCore(MachineCore source) : this(source.Options)
    {
        StoreGuards = source.StoreGuards;
        CopyGenericFrom(source);
    }

    /// <summary>An independent machine in the same state, so an explorer can branch without replaying.</summary>
    public abstract MachineCore Clone();

    /// <summary>
    /// Makes this machine a copy of <paramref name="source"/> in place, reusing its objects: a model checker resets one
    /// scratch machine to each state it expands instead of allocating a clone per transition (docs/checker.md).
    /// The logs of the current op are cleared, as in a clone.
    /// </summary>
    /// <param name="source">A machine of the same arch with the same options.</param>
    /// <exception cref="ArgumentException"><paramref name="source"/> runs another arch or has other options.</exception>
    public abstract void CopyFrom(MachineCore source);

    private static readonly SavedRegisters Empty = new();

    /// <summary>The generic half of <see cref="CopyFrom"/>.</summary>
    /// <param name="source">The machine to copy.</param>
    protected void CopyGenericFrom(MachineCore source)
    {
        if (source.Options != Options) throw new ArgumentException("CopyFrom needs a machine with the same options", nameof(source));
        for (var c = 0; c < cpus.Length; c++) cpus[c].CopyFrom(source.cpus[c]);
        for (var t = 0; t < registers.Length; t++) registers[t].CopyFrom(source.registers[t]);
        for (var c = 0; c < savedOnIrq.Length; c++)
        {
            if (source.savedOnIrq[c] is not { Count: > 0 } saved)
            {
                savedOnIrq[c]?.CopyFrom(Empty);
                continue;
            }
            (savedOnIrq[c] ??= new()).CopyFrom(saved);
        }
        // Span copies, not Array.Copy: typed, so a few bytes are a memmove without Array.Copy's type checks.
        source.states.AsSpan().CopyTo(states);
        source.taskCpu.AsSpan().CopyTo(taskCpu);
        Callbacks.Clear();
        Warnings.CopyFrom(source.Warnings);
        Warnings.ClearEmitted();
        Effects.CopyFrom(source.Effects);
        PageTable.CopyFrom(source.PageTable);
        Pending.CopyFrom(source.Pending);
        CurrentCpuId = source.CurrentCpuId;
    }
}
