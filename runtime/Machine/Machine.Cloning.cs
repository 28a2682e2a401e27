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
}
