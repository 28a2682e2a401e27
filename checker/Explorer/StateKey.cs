using System.IO.Hashing;
using System.Text;

namespace LazyMmuGen.Checker.Explorer;

/// <summary>
/// A state's identity: the 128-bit XxHash128 of its canonical fingerprint (non-cryptographic; a collision
/// would merge two states, at odds of about n²/2¹²⁹ for n states, below 10⁻²⁵ for a billion).
/// </summary>
/// <param name="High">The hash's upper 64 bits.</param>
/// <param name="Low">The hash's lower 64 bits.</param>
public readonly record struct StateKey(ulong High, ulong Low)
{
    /// <summary>The key of a state from its fingerprint (<see cref="CheckedRun.Fingerprint"/>).</summary>
    /// <param name="fingerprint">The canonical text of everything that decides the state's future.</param>
    public static StateKey Of(string fingerprint)
    {
        var hash = XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(fingerprint));
        return new StateKey((ulong)(hash >> 64), (ulong)hash);
    }
}
