namespace LazyMmuGen.Runtime;

/// <summary>
/// The arch callbacks invoked since the last <see cref="Clear"/>, in order (only when recording).
/// Callbacks the arch runs from its own context-switch hooks are marked, so a checker can compare the
/// generic layer's calls against the contract table and still show everything in a trace.
/// </summary>
public sealed class CallbackLog(bool enabled)
{
    private readonly List<ArchCallback> calls = new(8);
    private readonly List<ArchCallback> fromApi = new(8);

    /// <summary>Every callback, including those made by context-switch hooks.</summary>
    public IReadOnlyList<ArchCallback> Calls => calls;

    /// <summary>Only the callbacks the generic layer made for enable/disable/pause/resume.</summary>
    public IReadOnlyList<ArchCallback> FromApi => fromApi;

    public void Record(ArchCallback callback)
    {
        if (!enabled) return;
        calls.Add(callback);
        fromApi.Add(callback);
    }

    public void RecordHook(ArchCallback callback)
    {
        if (enabled) calls.Add(callback);
    }

    public void Clear()
    {
        calls.Clear();
        fromApi.Clear();
    }

    public static string Name(ArchCallback callback) => callback.ToString().ToLowerInvariant();
}
