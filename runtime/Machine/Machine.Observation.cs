using System.Text;

namespace LazyMmuGen.Runtime;

// Checker support, kept apart from the machine's rules: what the model checker observes of the arch's own state, to
// recognise a state it has seen (the fingerprint) and to check its batch properties (the mechanism primitives).
// The generic half is in MachineCore.Observation.cs.
public sealed partial class Machine<TArch, TTask, TCpu>
{
    /// <inheritdoc/>
    public override IReadOnlyList<IMechanismState> MechanismStates(int cpu)
    {
        var states = new List<IMechanismState>();
        cpuStates[cpu].AddMechanisms(states);
        return states;
    }

    /// <inheritdoc/>
    protected override void AppendArchFingerprint(StringBuilder builder)
    {
        for (var t = 0; t < taskStates.Length; t++)
        {
            builder.Append("|t").Append(t).Append(':');
            taskStates[t].AppendFingerprint(builder, referencesOnlyByPresence: true);
        }
        for (var c = 0; c < cpuStates.Length; c++)
        {
            builder.Append("|c").Append(c).Append(':');
            cpuStates[c].AppendFingerprint(builder, referencesOnlyByPresence: false);
        }
    }
}
