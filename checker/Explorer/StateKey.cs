using System.IO.Hashing;

namespace LazyMmuGen.Checker.Explorer;

/// <summary>
/// A state's identity: the 128-bit XxHash128 of its canonical encoding (non-cryptographic; a collision
/// would merge two states, at odds of about n²/2¹²⁹ for n states, below 10⁻²⁵ for a billion).
/// </summary>
/// <param name="High">The hash's upper 64 bits.</param>
/// <param name="Low">The hash's lower 64 bits.</param>
public readonly record struct StateKey(ulong High, ulong Low) : IComparable<StateKey>
{
    /// <summary>Orders keys by their 128-bit value (the least key of a symmetry class stands for it).</summary>
    /// <param name="other">The other key.</param>
    public int CompareTo(StateKey other) => High != other.High ? High.CompareTo(other.High) : Low.CompareTo(other.Low);

    /// <summary>The key of a state from its canonical encoding (<see cref="CheckedRun.WriteState"/>).</summary>
    /// <param name="state">The bytes of everything that decides the state's future.</param>
    public static StateKey Of(ReadOnlySpan<byte> state)
    {
        var hash = XxHash128.HashToUInt128(state);
        return new StateKey((ulong)(hash >> 64), (ulong)hash);
    }
}
