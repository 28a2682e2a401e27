namespace LazyMmuGen.Runtime;

/// <summary>Per-CPU system registers by name (e.g. POR_EL1). Unknown registers read as 0.</summary>
public sealed class RegisterFile
{
    private readonly Dictionary<string, ulong> values = new(StringComparer.Ordinal);

    public ulong Read(string name) => values.TryGetValue(name, out var value) ? value : 0;

    public void Write(string name, ulong value) => values[name] = value;

    /// <summary>Exception entry resets a register to its default (kpkeys: POR_EL1 back to DEFAULT).</summary>
    public void Reset(string name) => values.Remove(name);

    public IReadOnlyDictionary<string, ulong> Values => values;

    internal RegisterFile Clone()
    {
        var copy = new RegisterFile();
        foreach (var (name, value) in values) copy.values[name] = value;
        return copy;
    }
}
