namespace LazyMmuGen.Checker.Explorer;

/// <summary>
/// The new states of the last depth, which are only counted: every worker adds to it at once, so it is split into
/// <see cref="StateSet"/>s by the keys' high bits, one lock each (two workers rarely want the same part). Nothing but
/// arrays of numbers: unlike a concurrent dictionary's node per key, millions of them give the GC nothing to trace.
/// </summary>
public sealed class CountedStates
{
    private const int PartBits = 6;
    private readonly StateSet[] parts = new StateSet[1 << PartBits];

    /// <summary>An empty set sized for about <paramref name="expected"/> keys.</summary>
    /// <param name="expected">How many keys are expected (a guess: the set grows past it).</param>
    public CountedStates(int expected)
    {
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = new StateSet();
            parts[i].EnsureCapacity(expected / parts.Length);
        }
    }

    /// <summary>Adds <paramref name="key"/>; false when it was there already. Safe beside other adders.</summary>
    /// <param name="key">A state key.</param>
    public bool Add(StateKey key)
    {
        // The high bits pick the part; a part's slot comes from the low bits, so the two do not correlate.
        var part = parts[(int)(key.High >> (64 - PartBits))];
        lock (part) return part.Add(key);
    }

    /// <summary>How many keys were added. Read it once the adders are done.</summary>
    public int Count => parts.Sum(part => part.Count);
}
