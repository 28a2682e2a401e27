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
    // An array and a count rather than a List: one object fewer per task in each of a model checker's stored runs, and
    // a file that never held a register shares the empty array.
    private KeyValuePair<string, ulong>[] values = [];
    private int count;

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
        if (i >= 0)
        {
            values[i] = new(name, value);
            return;
        }
        i = ~i;
        if (count == values.Length) Array.Resize(ref values, Math.Max(2, count * 2));
        Array.Copy(values, i, values, i + 1, count - i);
        values[i] = new(name, value);
        count++;
    }

    /// <summary>Writes every register <paramref name="saved"/> holds (exception return restores what entry saved).</summary>
    /// <param name="saved">The saved file.</param>
    internal void WriteAll(RegisterFile saved)
    {
        for (var i = 0; i < saved.count; i++) Write(saved.values[i].Key, saved.values[i].Value);
    }

    /// <summary>Exception entry resets a register to its default (kpkeys: POR_EL1 back to DEFAULT).</summary>
    /// <param name="name">The register name, case-sensitive.</param>
    public void Reset(string name)
    {
        var i = IndexOf(name);
        if (i < 0) return;
        Array.Copy(values, i + 1, values, i, count - i - 1);
        values[--count] = default;
    }

    /// <summary>Every register that holds a value, in ordinal name order.</summary>
    public IReadOnlyList<KeyValuePair<string, ulong>> Values => new ArraySegment<KeyValuePair<string, ulong>>(values, 0, count);

    /// <summary>True when every register is at reset (0), whether never written or written back to 0.</summary>
    public bool AtReset
    {
        get
        {
            for (var i = 0; i < count; i++)
            {
                if (values[i].Value != 0) return false;
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
            while (i < count && values[i].Value == 0) i++;
            while (j < other.count && other.values[j].Value == 0) j++;
            if (i == count || j == other.count) return i == count && j == other.count;
            if (values[i].Key != other.values[j].Key || values[i].Value != other.values[j].Value) return false;
            i++;
            j++;
        }
    }

    /// <summary>The non-zero registers as <c>NAME=VALUE</c>, comma-separated: for messages.</summary>
    public override string ToString() => string.Join(",", Values.Where(r => r.Value != 0).Select(r => $"{r.Key}={r.Value}"));

    /// <summary>Writes the registers into a machine's state, in name order (checker support).</summary>
    /// <param name="writer">The state being written.</param>
    public void WriteState(StateWriter writer)
    {
        writer.Count(count);
        for (var i = 0; i < count; i++) writer.Text(values[i].Key).ULong(values[i].Value);
    }

    /// <summary>Makes this file hold the registers of <paramref name="source"/> that are off reset (not 0), and no other.</summary>
    /// <param name="source">The file to copy.</param>
    public void CopySwitchedFrom(RegisterFile source)
    {
        Clear();
        for (var i = 0; i < source.count; i++)
        {
            if (source.values[i].Value != 0) Write(source.values[i].Key, source.values[i].Value);
        }
    }

    /// <summary>An independent copy.</summary>
    public RegisterFile Clone()
    {
        var copy = new RegisterFile();
        copy.CopyFrom(this);
        return copy;
    }

    internal void Clear()
    {
        values.AsSpan(0, count).Clear();
        count = 0;
    }

    internal void CopyFrom(RegisterFile source)
    {
        if (values.Length < source.count) values = new KeyValuePair<string, ulong>[source.count];
        else if (count > source.count) values.AsSpan(source.count, count - source.count).Clear();
        source.values.AsSpan(0, source.count).CopyTo(values);
        count = source.count;
    }

    private int IndexOf(string name)
    {
        int lo = 0, hi = count - 1;
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
