namespace LazyMmuGen.Runtime;

/// <summary>
/// System registers by name (e.g. arm64's POR_EL1). They are thread state: one file per task, saved and restored
/// at context switch; <see cref="MachineCore.Registers"/> gives the file of the task running on a CPU.
/// Unknown registers read as 0.
/// </summary>
// An arch has a handful of registers at most (kpkeys has one), so they are kept in a list in ordinal name order:
// a model checker clones a file with one array copy and writes it into a state without sorting.
public sealed class RegisterFile
{
    private readonly List<KeyValuePair<string, ulong>> values = [];

    /// <summary>The register's value, or 0 if it was never written (or was reset).</summary>
    /// <param name="name">The register name, case-sensitive (e.g. "POR_EL1").</param>
    public ulong Read(string name)
    {
        var i = IndexOf(name);
        return i >= 0 ? values[i].Value : 0;
    }

    /// <summary>Sets a register. Arch code uses <see cref="ArchContext{TTask,TCpu}.WriteRegister"/>, which also counts the write.</summary>
    /// <param name="name">The register name, case-sensitive.</param>
    /// <param name="value">The new value.</param>
    public void Write(string name, ulong value)
    {
        var i = IndexOf(name);
        if (i >= 0) values[i] = new(name, value);
        else values.Insert(~i, new(name, value));
    }

    /// <summary>Exception entry resets a register to its default (kpkeys: POR_EL1 back to DEFAULT).</summary>
    /// <param name="name">The register name, case-sensitive.</param>
    public void Reset(string name)
    {
        var i = IndexOf(name);
        if (i >= 0) values.RemoveAt(i);
    }

    /// <summary>Every register that holds a value, in ordinal name order.</summary>
    public IReadOnlyList<KeyValuePair<string, ulong>> Values => values;

    /// <summary>True when every register is at reset (0), whether never written or written back to 0.</summary>
    public bool AtReset
    {
        get
        {
            foreach (var (_, value) in values)
            {
                if (value != 0) return false;
            }
            return true;
        }
    }

    /// <summary>True when both files hold the same non-zero registers (0 and never written are the same).</summary>
    /// <param name="other">The other file.</param>
    public bool SameAs(RegisterFile other)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < values.Count && values[i].Value == 0) i++;
            while (j < other.values.Count && other.values[j].Value == 0) j++;
            if (i == values.Count || j == other.values.Count) return i == values.Count && j == other.values.Count;
            if (values[i].Key != other.values[j].Key || values[i].Value != other.values[j].Value) return false;
            i++;
            j++;
        }
    }

    /// <summary>The non-zero registers as <c>NAME=VALUE</c>, comma-separated: for messages.</summary>
    public override string ToString() => string.Join(",", values.Where(r => r.Value != 0).Select(r => $"{r.Key}={r.Value}"));

    /// <summary>Writes the registers into a machine's state, in name order (checker support).</summary>
    /// <param name="writer">The state being written.</param>
    public void WriteState(StateWriter writer)
    {
        writer.Count(values.Count);
        foreach (var (name, value) in values) writer.Text(name).ULong(value);
    }

    /// <summary>An independent copy.</summary>
    public RegisterFile Clone()
    {
        var copy = new RegisterFile();
        copy.values.AddRange(values);
        return copy;
    }

    internal void Clear() => values.Clear();

    internal void CopyFrom(RegisterFile source)
    {
        values.Clear();
        values.AddRange(source.values);
    }

    private int IndexOf(string name)
    {
        int lo = 0, hi = values.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var order = string.CompareOrdinal(values[mid].Key, name);
            if (order == 0) return mid;
            if (order < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }
}
