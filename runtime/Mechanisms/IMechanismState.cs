using System.Text;

namespace LazyMmuGen.Runtime;

/// <summary>
/// What a checker may inspect in a mechanism's runtime primitive: what it holds and for whom, plus a
/// fingerprint (without pending-write ids, which differ between equivalent runs) for state hashing.
/// </summary>
public interface IMechanismState
{
    string Kind { get; }

    int Entries { get; }

    IEnumerable<int> EntryTasks { get; }

    IEnumerable<int> EntryMms { get; }

    /// <summary>True when the mechanism promises never to mix mms in one batch (its flush keys include mm).</summary>
    bool KeyedByMm { get; }

    void AppendFingerprint(StringBuilder builder);

    /// <summary>A deep copy (pending-write ids included, so it stays consistent with a cloned machine).</summary>
    IMechanismState Clone();
}
