namespace LazyMmuGen.Runtime;

/// <summary>
/// The arch callbacks invoked since the last <see cref="Clear"/>, in order (only when recording).
/// Callbacks the arch runs from its own context-switch hooks are marked, so a checker can compare the
/// generic layer's calls against the contract table and still show everything in a trace.
/// </summary>
/// <param name="enabled">False to record nothing (<see cref="MachineOptions.Record"/> off, for benchmarks).</param>
public sealed class CallbackLog(bool enabled)
{
    // Made at the first callback, so a model checker's stored copies of a machine carry none.
    private List<ArchCallback>? calls;
    private List<ArchCallback>? fromApi;

    /// <summary>Every callback, including those made by context-switch hooks.</summary>
    public IReadOnlyList<ArchCallback> Calls => (IReadOnlyList<ArchCallback>?)calls ?? [];

    /// <summary>Only the callbacks the generic layer made for enable/disable/pause/resume.</summary>
    public IReadOnlyList<ArchCallback> FromApi => (IReadOnlyList<ArchCallback>?)fromApi ?? [];

    /// <summary>Records a callback the generic layer made for an API call (in both <see cref="Calls"/> and <see cref="FromApi"/>).</summary>
    /// <param name="callback">The callback.</param>
    public void Record(ArchCallback callback)
    {
        if (!enabled) return;
        (calls ??= []).Add(callback);
        (fromApi ??= []).Add(callback);
    }

    /// <summary>Records a callback an arch hook made itself (only in <see cref="Calls"/>).</summary>
    /// <param name="callback">The callback.</param>
    public void RecordHook(ArchCallback callback)
    {
        if (enabled) (calls ??= []).Add(callback);
    }

    /// <summary>Forgets every recorded callback; the trace runner calls it before each op.</summary>
    public void Clear()
    {
        calls?.Clear();
        fromApi?.Clear();
    }

    /// <summary>The callback's name as traces print it: "enter", "leave", "flush", "pause", "resume".</summary>
    /// <param name="callback">The callback.</param>
    public static string Name(ArchCallback callback) => callback.ToString().ToLowerInvariant();
}
