namespace LazyMmuGen.Runtime;

/// <summary>The arch callbacks invoked since the last <see cref="Clear"/>, in order (only when recording).</summary>
public sealed class CallbackLog(bool enabled)
{
    private readonly List<ArchCallback> calls = new(8);

    public IReadOnlyList<ArchCallback> Calls => calls;

    public void Record(ArchCallback callback)
    {
        if (enabled) calls.Add(callback);
    }

    public void Clear() => calls.Clear();

    public static string Name(ArchCallback callback) => callback.ToString().ToLowerInvariant();
}
