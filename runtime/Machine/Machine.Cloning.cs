namespace LazyMmuGen.Runtime;

// Checker support, kept apart from the machine's rules: the model checker branches by cloning a machine at each
// state instead of replaying the path to it (checker/ModelChecker.cs, CheckedRun). Nothing in the lazy MMU helpers
// or the machine rules uses it. The generic state is copied in MachineCore.Cloning.cs; this part copies the arch's,
// through the IArchState members the generator emits for its state structs.
public sealed partial class Machine<TArch, TTask, TCpu>
{
    private Machine(Machine<TArch, TTask, TCpu> source) : base(source)
    {
        // CPUs first: a task's reference to a per-CPU primitive (s390's pinned cache) must land on the CPU's clone.
        var clones = new Dictionary<IMechanismState, IMechanismState>(ReferenceEqualityComparer.Instance);
        cpuStates = new TCpu[source.cpuStates.Length];
        for (var c = 0; c < cpuStates.Length; c++) cpuStates[c] = source.cpuStates[c].CloneReferences(clones);
        taskStates = new TTask[source.taskStates.Length];
        for (var t = 0; t < taskStates.Length; t++) taskStates[t] = source.taskStates[t].CloneReferences(clones);
    }

    /// <inheritdoc/>
    public override MachineCore Clone() => new Machine<TArch, TTask, TCpu>(this);

    // CopyFrom's scratch, made on first use: the source's primitives mapped to this machine's, and the two lists
    // that pair them CPU by CPU.
    private Dictionary<IMechanismState, IMechanismState>? reused;
    private List<IMechanismState>? mine;
    private List<IMechanismState>? theirs;

    /// <inheritdoc/>
    public override void CopyFrom(MachineCore source)
    {
        if (source is not Machine<TArch, TTask, TCpu> other)
            throw new ArgumentException($"CopyFrom needs a {TArch.Name} machine, got {source.ArchName}", nameof(source));
        CopyGenericFrom(other);
        reused ??= new Dictionary<IMechanismState, IMechanismState>(ReferenceEqualityComparer.Instance);
        mine ??= [];
        theirs ??= [];
        reused.Clear();
        // Each CPU's primitives are copied into this machine's own, paired in field order; CloneReferences then finds
        // every one in the map (a task's reference to a CPU's primitive included) and clones only what did not pair.
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
    }
}
