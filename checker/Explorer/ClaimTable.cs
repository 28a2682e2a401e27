namespace LazyMmuGen.Checker.Explorer;

/// <summary>
/// The new states of one depth, claimed by every worker at once: each key keeps its earliest claim order (frontier index
/// × alphabet + op index), from which the explorer rebuilds the next frontier, so a claim is two numbers and no object.
/// Split into <see cref="StateSet"/>s by the keys' high bits, one lock each, so two workers rarely wait for each other.
/// The last depth's states are only counted: a table without orders.
/// </summary>
public sealed class ClaimTable
{
    private const int PartBits = 6;
    private readonly StateSet[] parts = new StateSet[1 << PartBits];

    /// <summary>An empty table sized for about <paramref name="expected"/> keys.</summary>
    /// <param name="expected">How many keys are expected (a guess: the table grows past it).</param>
    /// <param name="withOrders">False for a table that only counts its keys (every claim order is 0).</param>
    public ClaimTable(int expected, bool withOrders)
    {
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = new StateSet(withOrders);
            parts[i].EnsureCapacity(expected / parts.Length);
        }
    }

    /// <summary>Claims <paramref name="key"/> for <paramref name="order"/>: true when that is now its earliest claim. Safe beside other claimers.</summary>
    /// <param name="key">A state key.</param>
    /// <param name="order">The claiming transition's place in its depth's order.</param>
    public bool Claim(StateKey key, long order)
    {
        // The high bits pick the part; a part's slot comes from the low bits, so the two do not correlate.
        var part = parts[(int)(key.High >> (64 - PartBits))];
        lock (part) return part.Claim(key, order);
    }

    /// <summary>How many keys were claimed. Read it once the claimers are done.</summary>
    public int Count => parts.Sum(part => part.Count);

    /// <summary>Every claimed key with its earliest order. Once the claimers are done.</summary>
    public IEnumerable<(StateKey Key, long Order)> Entries() => parts.SelectMany(part => part.Entries());
}
