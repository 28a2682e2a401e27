namespace LazyMmuGen.Runtime;

// Checker support, kept apart from the machine's rules: the model checker branches by cloning a machine at each
// state instead of replaying the path to it (checker/ModelChecker.cs, CheckedRun). Nothing in the lazy MMU helpers
// or the machine rules uses it. The generic state is copied in MachineCore.Cloning.cs; this part copies the arch's,
// through the IArchState members the generator emits for its state structs.
public sealed partial class Machine<TArch, TTask, TCpu>
{
    // A clone is a copy into empty arch state: with no primitive of its own to pair, CopyArchFrom clones each one.
    private Machine(Machine<TArch, TTask, TCpu> source) : base(source)
    {
        taskStates = new TTask[source.taskStates.Length];
        cpuStates = new TCpu[source.cpuStates.Length];
        CopyArchFrom(source);
    }

    /// <inheritdoc/>
    public override MachineCore Clone() => new Machine<TArch, TTask, TCpu>(this);

    // CopyArchFrom's scratch, one per thread (a machine is copied on one thread at a time, and a stored copy should
    // carry none): the source's primitives paired with this machine's.
    [ThreadStatic] private static PrimitiveCopies? pairs;

    /// <inheritdoc/>
    public override void CopyFrom(MachineCore source)
    {
        if (source is not Machine<TArch, TTask, TCpu> other)
            throw new ArgumentException($"CopyFrom needs a {TArch.Name} machine, got {source.ArchName}", nameof(source));
        CopyGenericFrom(other);
        CopyArchFrom(other);
    }

    private void CopyArchFrom(Machine<TArch, TTask, TCpu> other)
    {
        var copies = pairs ??= new PrimitiveCopies();
        // Each primitive is copied into the one this machine holds in the same field, or cloned when that cannot take it.
        // CPUs first: a task's reference to a per-CPU primitive (s390's pinned cache) must land on the CPU's copy.
        try
        {
            for (var c = 0; c < cpuStates.Length; c++) cpuStates[c] = other.cpuStates[c].CopyReferences(cpuStates[c], copies);
            for (var t = 0; t < taskStates.Length; t++) taskStates[t] = other.taskStates[t].CopyReferences(taskStates[t], copies);
        }
        finally
        {
            copies.Clear();
        }
    }
}
