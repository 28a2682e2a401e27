namespace LazyMmuGen.Runtime;

/// <summary>
/// What a checker may inspect in a mechanism's runtime primitive: what it holds and for whom, plus its
/// canonical state (without pending-write ids, which differ between equivalent runs) for state hashing.
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

    /// <summary>
    /// Writes what decides the primitive's future behaviour into the machine's state (<see cref="MachineCore.WriteState"/>),
    /// in a fixed order, a variable number of items after their <see cref="StateWriter.Count"/>.
    /// </summary>
    /// <param name="writer">The state being written.</param>
    void WriteState(StateWriter writer);

    /// <summary>A deep copy (pending-write ids included, so it stays consistent with a cloned machine).</summary>
    IMechanismState Clone();

    /// <summary>
    /// Makes this primitive a copy of <paramref name="source"/> in place, without allocating: what a model checker uses
    /// to reset its scratch machine to each state it expands. Return false (the default) when this primitive cannot
    /// (another type or capacity): the machine then falls back to <see cref="Clone"/>.
    /// </summary>
    /// <param name="source">A primitive of the same mechanism in the machine being copied.</param>
    /// <returns>True when this primitive now equals <paramref name="source"/>.</returns>
    bool TryCopyFrom(IMechanismState source) => false;
}
