using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker.Explorer;

/// <summary>
/// The op sequences that first reached each explored state, as a tree in one array: an entry is the index of the
/// sequence before it and the index of its last op in the alphabet, so shared prefixes are stored once and millions of
/// sequences are one array of numbers the GC never traces. Appended to between depths, on one thread; read by every
/// worker during a depth (a counterexample's ops).
/// </summary>
public sealed class PathTable
{
    /// <summary>The index of the empty sequence (the origin's).</summary>
    public const int Empty = -1;

    private (int Before, int Op)[] entries = new (int, int)[1024];
    private int count;

    /// <summary>Appends the sequence <paramref name="before"/> then op <paramref name="op"/>; returns its index.</summary>
    /// <param name="before">A sequence's index, or <see cref="Empty"/>.</param>
    /// <param name="op">The op's index in the alphabet.</param>
    public int Add(int before, int op)
    {
        if (count == entries.Length) Array.Resize(ref entries, count * 2);
        entries[count] = (before, op);
        return count++;
    }

    /// <summary>Makes room for <paramref name="more"/> sequences beyond those held: one copy per depth at most.</summary>
    /// <param name="more">How many are about to be added.</param>
    public void Reserve(int more)
    {
        if (count + more > entries.Length) Array.Resize(ref entries, Math.Max(count + more, entries.Length * 2));
    }

    /// <summary>The ops of sequence <paramref name="path"/> then <paramref name="last"/>, oldest first, as trace-script texts.</summary>
    /// <param name="path">A sequence's index, or <see cref="Empty"/>.</param>
    /// <param name="last">An op taken after it.</param>
    /// <param name="alphabet">The alphabet the op indices refer to.</param>
    public string[] Texts(int path, ScriptOp last, ScriptOp[] alphabet)
    {
        var texts = new List<string> { last.Text };
        for (var p = path; p != Empty; p = entries[p].Before) texts.Add(alphabet[entries[p].Op].Text);
        texts.Reverse();
        return [.. texts];
    }

    /// <summary>The op that ends sequence <paramref name="path"/> (not <see cref="Empty"/>).</summary>
    /// <param name="path">A sequence's index.</param>
    /// <param name="alphabet">The alphabet the op indices refer to.</param>
    public ScriptOp LastOp(int path, ScriptOp[] alphabet) => alphabet[entries[path].Op];

    /// <summary>The sequence before the last op of <paramref name="path"/> (not <see cref="Empty"/>).</summary>
    /// <param name="path">A sequence's index.</param>
    public int Before(int path) => entries[path].Before;
}
