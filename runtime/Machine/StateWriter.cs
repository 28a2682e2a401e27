using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace LazyMmuGen.Runtime;

/// <summary>
/// The canonical encoding of a machine's state for model checkers: everything that decides future behaviour is
/// written in a fixed order into one reusable buffer, which a checker hashes in one pass (checker/Explorer/StateKey.cs).
/// Numbers are varints (LEB128, signed ones zigzagged): most are small counts, CPU and task numbers, so a state is a
/// third of its fixed-width size and is hashed by XxHash128's short-input path. Each varint is self-delimiting, so the
/// encoding stays injective. Writing a state allocates nothing once the buffer has grown to the state's size.
/// <para>
/// The same calls also render the state as text (<see cref="ForText"/>), for failure messages and tests, so the
/// binary key and its readable form cannot drift apart. <see cref="Label"/> names what follows in the text and
/// writes nothing to the bytes: the order of the writes is the structure. A writer of a variable number of items
/// writes their <see cref="Count"/> first, so two different states never encode to the same bytes.
/// </para>
/// </summary>
public sealed class StateWriter
{
    private byte[] buffer = new byte[256];
    private int length;
    private readonly StringBuilder? text;

    /// <summary>A binary writer: what a model checker hashes.</summary>
    public StateWriter()
    {
    }

    private StateWriter(StringBuilder text) => this.text = text;

    /// <summary>A writer that also renders every write as text (<see cref="ToString"/>): slower, for messages and tests.</summary>
    public static StateWriter ForText() => new(new StringBuilder());

    /// <summary>The text rendering of what <paramref name="write"/> writes (a <c>Fingerprint()</c>).</summary>
    /// <param name="write">Writes a state, e.g. <c>machine.WriteState</c>.</param>
    public static string Render(Action<StateWriter> write)
    {
        var writer = ForText();
        write(writer);
        return writer.ToString();
    }

    /// <summary>The bytes written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Bytes => buffer.AsSpan(0, length);

    /// <summary>Starts a new state; keeps the buffer.</summary>
    public void Clear()
    {
        length = 0;
        text?.Clear();
        afterLabel = false;
    }

    /// <summary>The text rendering of a <see cref="ForText"/> writer; the bytes in hex otherwise.</summary>
    public override string ToString() => text?.ToString() ?? Convert.ToHexString(Bytes);

    /// <summary>Names what follows in the text rendering; writes no bytes.</summary>
    /// <param name="label">E.g. "Queued=" or "|cpu0:".</param>
    public StateWriter Label(string label)
    {
        // A binary writer (the checker's hot path) skips the call.
        if (text is not null) Show(label, label: true);
        return this;
    }

    /// <summary>A one-byte marker that tells alternatives apart (null, a reference, a value), shown as <paramref name="shown"/> in the text.</summary>
    /// <param name="marker">The byte written.</param>
    /// <param name="shown">Its text form, e.g. "-" for null.</param>
    public StateWriter Tag(byte marker, string shown)
    {
        Reserve(1) = marker;
        if (text is not null) Show(shown, label: true);
        return this;
    }

    /// <summary>The number of items that follow (a collection's length), so encodings of different lengths differ.</summary>
    /// <param name="count">The item count.</param>
    public StateWriter Count(int count) => Int(count);

    /// <summary>Writes a boolean (one byte).</summary>
    /// <param name="value">The value.</param>
    public StateWriter Bool(bool value)
    {
        Reserve(1) = value ? (byte)1 : (byte)0;
        if (text is not null) Show(value ? "True" : "False");
        return this;
    }

    /// <summary>Writes a 32-bit integer.</summary>
    /// <param name="value">The value.</param>
    public StateWriter Int(int value)
    {
        Varint((uint)((value << 1) ^ (value >> 31)));
        if (text is not null) Show(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Writes a 64-bit integer.</summary>
    /// <param name="value">The value.</param>
    public StateWriter Long(long value)
    {
        Varint((ulong)((value << 1) ^ (value >> 63)));
        if (text is not null) Show(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Writes an unsigned 64-bit integer.</summary>
    /// <param name="value">The value.</param>
    public StateWriter ULong(ulong value)
    {
        Varint(value);
        if (text is not null) Show(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Writes a string, length first (a register name, a value only its ToString describes).</summary>
    /// <param name="value">The string; null is written as length -1.</param>
    public StateWriter Text(string? value)
    {
        if (value is null) return Int(-1);
        // The length in the bytes only: the text shows the string itself.
        // Zigzagged as Int writes a length, so it stays apart from null's -1.
        Varint((uint)(value.Length << 1));
        if (value.Length > 0 && BitConverter.IsLittleEndian)
        {
            var chars = System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan());
            chars.CopyTo(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref Reserve(chars.Length), chars.Length));
        }
        else
        {
            foreach (var c in value) Unsafe.WriteUnaligned(ref Reserve(2), BinaryPrimitives.ReverseEndianness(c));
        }
        if (text is not null) Show(value);
        return this;
    }

    /// <summary>
    /// Writes a value of any type a state field can have: numbers, bool, char and enums as such, a <see cref="PteRange"/>
    /// field by field, anything else through its ToString (the generated arch state's fields of types the generator
    /// cannot see into; a mechanism primitive is written by <c>ArchStateFields.Write</c> before it gets here).
    /// </summary>
    /// <typeparam name="T">The field's type; the checks on it are resolved when the JIT compiles each use.</typeparam>
    /// <param name="value">The value.</param>
    public StateWriter Value<T>(T value)
    {
        if (typeof(T) == typeof(bool)) return Bool(Unsafe.As<T, bool>(ref value));
        if (typeof(T) == typeof(int)) return Int(Unsafe.As<T, int>(ref value));
        if (typeof(T) == typeof(uint)) return Long(Unsafe.As<T, uint>(ref value));
        if (typeof(T) == typeof(long)) return Long(Unsafe.As<T, long>(ref value));
        if (typeof(T) == typeof(ulong)) return ULong(Unsafe.As<T, ulong>(ref value));
        if (typeof(T) == typeof(byte)) return Int(Unsafe.As<T, byte>(ref value));
        if (typeof(T) == typeof(sbyte)) return Int(Unsafe.As<T, sbyte>(ref value));
        if (typeof(T) == typeof(short)) return Int(Unsafe.As<T, short>(ref value));
        if (typeof(T) == typeof(ushort)) return Int(Unsafe.As<T, ushort>(ref value));
        if (typeof(T) == typeof(char)) return Int(Unsafe.As<T, char>(ref value));
        if (typeof(T) == typeof(double)) return Long(BitConverter.DoubleToInt64Bits(Unsafe.As<T, double>(ref value)));
        if (typeof(T) == typeof(float)) return Int(BitConverter.SingleToInt32Bits(Unsafe.As<T, float>(ref value)));
        if (typeof(T) == typeof(PteRange))
        {
            var range = Unsafe.As<T, PteRange>(ref value);
            return Int(range.Mm).ULong(range.Start).ULong(range.End);
        }
        if (typeof(T) == typeof(Pte))
        {
            var pte = Unsafe.As<T, Pte>(ref value);
            return ULong(pte.Value).Int((int)pte.Kind).Bool(pte.Valid);
        }
        // An enum by its underlying value, without boxing it (Convert.ToInt64 would, on every state written).
        if (typeof(T).IsEnum)
        {
            return Unsafe.SizeOf<T>() switch
            {
                1 => Long(Unsafe.As<T, byte>(ref value)),
                2 => Long(Unsafe.As<T, short>(ref value)),
                4 => Long(Unsafe.As<T, int>(ref value)),
                _ => Long(Unsafe.As<T, long>(ref value)),
            };
        }
        return Text(value?.ToString());
    }

    /// <summary>
    /// Appends a piece to the text rendering: a label runs into the value after it ("Queued=0"), and a space
    /// separates a value from what follows unless that starts with punctuation ("tlb[1 12 28 1 1]"), and a
    /// field's label from a closing bracket before it ("tlb[0] Spare=-").
    /// </summary>
    private void Show(string piece, bool label = false)
    {
        if (text is null || piece.Length == 0) return;
        var last = text.Length > 0 ? text[^1] : '|';
        var apart = afterLabel
            ? label && char.IsLetter(piece[0]) && "=[:|#(".IndexOf(last) < 0 // "tlb[0]" then "Spare="
            : "]|:#,)".IndexOf(piece[0]) < 0;
        if (text.Length > 0 && apart) text.Append(' ');
        text.Append(piece);
        afterLabel = label;
    }

    private bool afterLabel;

    // The per-CPU primitives of the machine being written, so a task's reference to one is written as the CPU that
    // holds it (ArchStateFields.Write): a pointer to a per-CPU object is a CPU number, and is renamed like one.
    private readonly List<(IMechanismState State, int Cpu)> owners = [];

    internal void ClearOwners() => owners.Clear();

    internal void AddOwner(IMechanismState state, int cpu) => owners.Add((state, cpu));

    /// <summary>The CPU whose state holds <paramref name="state"/>, or -1 when no CPU's does.</summary>
    internal int OwnerOf(IMechanismState state)
    {
        foreach (var (owned, cpu) in owners)
        {
            if (ReferenceEquals(owned, state)) return cpu;
        }
        return -1;
    }

    // A renaming of the CPUs (physical number -> written number) and its inverse; null is the identity. A model checker
    // writes a state once per renaming and keeps the least key, so states that differ only by which CPU is which meet
    // (docs/checker.md#symmetry).
    private int[]? cpuNames;
    private int[]? cpuAt;
    private int[]? cpuAtBuffer;

    /// <summary>
    /// Writes CPU numbers renamed by <paramref name="names"/> (physical number to written number), and per-CPU state
    /// in the renamed order, from now on; null writes them as they are.
    /// </summary>
    /// <param name="names">A permutation of 0..CPUs-1, or null.</param>
    public void RenameCpus(int[]? names)
    {
        // No shortcut for the same array: a caller may reuse one array for several renamings.
        cpuNames = names;
        if (names is null)
        {
            cpuAt = null;
            return;
        }
        // The inverse's array outlives a return to the identity: renaming on every key allocates nothing.
        if (cpuAtBuffer is null || cpuAtBuffer.Length != names.Length) cpuAtBuffer = new int[names.Length];
        cpuAt = cpuAtBuffer;
        for (var c = 0; c < names.Length; c++) cpuAt[names[c]] = c;
    }

    /// <summary>Writes a CPU number (or -1, "no CPU") under the current renaming (<see cref="RenameCpus"/>).</summary>
    /// <param name="cpu">A physical CPU number, or -1.</param>
    public StateWriter Cpu(int cpu) => Int(cpu < 0 || cpuNames is null ? cpu : cpuNames[cpu]);

    /// <summary>The physical CPU to write <paramref name="slot"/>-th: per-CPU state goes out in renamed order.</summary>
    /// <param name="slot">0..CPUs-1.</param>
    public int CpuInSlot(int slot) => cpuAt is null ? slot : cpuAt[slot];

    // The first of size bytes at the end, the buffer grown to hold them: one bounds check per write.
    private ref byte Reserve(int size)
    {
        if ((uint)(length + size) > (uint)buffer.Length) Grow(size);
        ref var first = ref buffer[length];
        length += size;
        return ref first;
    }

    // Seven bits a byte, low first, the high bit set on all but the last: a value below 128 is one byte.
    private void Varint(ulong value)
    {
        if ((uint)(length + MaxVarint) > (uint)buffer.Length) Grow(MaxVarint);
        var bytes = buffer;
        var at = length;
        while (value >= 0x80)
        {
            bytes[at++] = (byte)(value | 0x80);
            value >>= 7;
        }
        bytes[at++] = (byte)value;
        length = at;
    }

    private const int MaxVarint = 10;

    private void Grow(int size) => Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + size));
}
