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
    // carry none): the source's primitives mapped to this machine's, and the two lists that pair them CPU by CPU.
    [ThreadStatic] private static Dictionary<IMechanismState, IMechanismState>? reused;
    [ThreadStatic] private static List<IMechanismState>? mine;
    [ThreadStatic] private static List<IMechanismState>? theirs;

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
        reused ??= new Dictionary<IMechanismState, IMechanismState>(ReferenceEqualityComparer.Instance);
        mine ??= [];
        theirs ??= [];
        reused.Clear();
        // Each CPU's primitives are copied into this machine's own, paired in field order; CloneReferences then finds
        // every one in the map (a task's reference to a CPU's primitive included) and clones only what did not pair.
        // CPUs first: a task's reference to a per-CPU primitive (s390's pinned cache) must land on the CPU's copy.
        for (var c = 0; c < cpuStates.Length; c++)
        {
            mine.Clear();
            theirs.Clear();
            cpuStates[c].AddMechanisms(mine);
            other.cpuStates[c].AddMechanisms(theirs);
            if (mine.Count == theirs.Count)
            {
                for (var i = 0; i < mine.Count; i++)
                {
                    if (!reused.ContainsKey(theirs[i]) && mine[i].TryCopyFrom(theirs[i])) reused[theirs[i]] = mine[i];
                }
            }
            cpuStates[c] = other.cpuStates[c].CloneReferences(reused);
        }
        for (var t = 0; t < taskStates.Length; t++) taskStates[t] = other.taskStates[t].CloneReferences(reused);
        mine.Clear();
        theirs.Clear();
        reused.Clear();
    }
}
