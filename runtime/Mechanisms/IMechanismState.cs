using System.Text;

namespace LazyMmuGen.Runtime;

/// <summary>
/// What a checker may inspect in a mechanism's runtime primitive: what it holds and for whom, plus a
/// fingerprint (without pending-write ids, which differ between equivalent runs) for state hashing.
/// </summary>
public interface IMechanismState
{
    /// <summary>The mechanism's descriptor name: "tlb-batch", "hypercall-batch" or "ipte-cache".</summary>
    string Kind { get; }

    /// <summary>How many deferred updates it holds now; 0 means empty (what the outermost leave must leave behind).</summary>
    int Entries { get; }

    /// <summary>The task of each held entry (a batch must never mix tasks).</summary>
    IEnumerable<int> EntryTasks { get; }

    /// <summary>The mm of each held entry (a batch keyed by mm must never mix mms; see <see cref="KeyedByMm"/>).</summary>
    IEnumerable<int> EntryMms { get; }

    /// <summary>True when the mechanism promises never to mix mms in one batch (its flush keys include mm).</summary>
    bool KeyedByMm { get; }

    /// <summary>Appends what decides the primitive's future behaviour to a machine fingerprint (<see cref="MachineCore.Fingerprint"/>).</summary>
    /// <param name="builder">The fingerprint being built.</param>
    void AppendFingerprint(StringBuilder builder);

    /// <summary>A deep copy (pending-write ids included, so it stays consistent with a cloned machine).</summary>
    IMechanismState Clone();
}
