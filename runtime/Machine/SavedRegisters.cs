namespace LazyMmuGen.Runtime;

/// <summary>
/// One CPU's register files saved by nested exception entries, innermost last. A popped file is kept for the next
/// entry to reuse, so an interrupt allocates nothing after the first, and a model checker's copy (<see cref="CopyFrom"/>)
/// copies into the files it already has.
/// </summary>
internal sealed class SavedRegisters
{
    private readonly List<RegisterFile> files = [];

    /// <summary>The files in use; the rest of <see cref="files"/> are spares.</summary>
    public int Count { get; private set; }

    /// <summary>Saves a copy of <paramref name="live"/> (exception entry).</summary>
    public void Push(RegisterFile live)
    {
        if (Count == files.Count) files.Add(new RegisterFile());
        files[Count++].CopyFrom(live);
    }

    /// <summary>The innermost saved file, no longer in use (exception return); valid until the next <see cref="Push"/>.</summary>
    public RegisterFile Pop() => files[--Count];

    /// <summary>The file saved <paramref name="depth"/> entries below the innermost (0 is the innermost).</summary>
    public RegisterFile FromTop(int depth) => files[Count - 1 - depth];

    /// <summary>Makes these files a copy of <paramref name="source"/>'s.</summary>
    public void CopyFrom(SavedRegisters source)
    {
        Count = 0;
        for (var i = 0; i < source.Count; i++) Push(source.files[i]);
    }
}
