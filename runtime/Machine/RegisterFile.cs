namespace LazyMmuGen.Runtime;

/// <summary>
/// System registers by name (e.g. arm64's POR_EL1). They are thread state: one file per task, saved and restored
/// at context switch; <see cref="MachineCore.Registers"/> gives the file of the task running on a CPU.
/// Unknown registers read as 0.
/// </summary>
public sealed class RegisterFile
{
    private readonly Dictionary<string, ulong> values = new(StringComparer.Ordinal);

    /// <summary>The register's value, or 0 if it was never written (or was reset).</summary>
    /// <param name="name">The register name, case-sensitive (e.g. "POR_EL1").</param>
    public ulong Read(string name) => values.TryGetValue(name, out var value) ? value : 0;

    /// <summary>Sets a register. Arch code uses <see cref="ArchContext{TTask,TCpu}.WriteRegister"/>, which also counts the write.</summary>
    /// <param name="name">The register name, case-sensitive.</param>
    /// <param name="value">The new value.</param>
    public void Write(string name, ulong value) => values[name] = value;

    /// <summary>Exception entry resets a register to its default (kpkeys: POR_EL1 back to DEFAULT).</summary>
    /// <param name="name">The register name, case-sensitive.</param>
    public void Reset(string name) => values.Remove(name);

    /// <summary>Every register that holds a value, by name.</summary>
    public IReadOnlyDictionary<string, ulong> Values => values;

    internal RegisterFile Clone()
    {
        var copy = new RegisterFile();
        foreach (var (name, value) in values) copy.values[name] = value;
        return copy;
    }
}
