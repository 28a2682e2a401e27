namespace LazyMmuGen.Runtime;

// Checker support, kept apart from the machine's rules: what the model checker observes of the arch's own state, to
// recognise a state it has seen (its canonical state) and to check its batch properties (the mechanism primitives).
// The generic half is in MachineCore.Observation.cs.
public sealed partial class Machine<TArch, TTask, TCpu>
{
    // WriteArchState's scratch, made on first use (a stored run never writes itself): one CPU's primitives.
    private List<IMechanismState>? owned;

    /// <inheritdoc/>
    public override void AddMechanismStates(int cpu, List<IMechanismState> into) => cpuStates[cpu].AddMechanisms(into);

    /// <inheritdoc/>
    protected override void WriteArchState(StateWriter writer)
    {
        writer.ClearOwners();
        owned ??= [];
        // The owners only name what a task refers to: most arches' tasks hold no primitive, and then none are listed.
        var tasksHold = false;
        for (var t = 0; t < taskStates.Length && !tasksHold; t++)
        {
            owned.Clear();
            taskStates[t].AddMechanisms(owned);
            tasksHold = owned.Count > 0;
        }
        for (var c = 0; c < cpuStates.Length && tasksHold; c++)
        {
            owned.Clear();
            cpuStates[c].AddMechanisms(owned);
            foreach (var state in owned) writer.AddOwner(state, c);
        }
        owned.Clear();
        for (var t = 0; t < taskStates.Length; t++)
        {
            writer.Label("|t").Int(t).Label(":");
            taskStates[t].WriteState(writer, referencesOnlyByPresence: true);
        }
        for (var slot = 0; slot < cpuStates.Length; slot++)
        {
            var c = writer.CpuInSlot(slot);
            writer.Label("|c").Cpu(c).Label(":");
            cpuStates[c].WriteState(writer, referencesOnlyByPresence: false);
        }
    }
}
