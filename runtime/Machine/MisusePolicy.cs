namespace LazyMmuGen.Runtime;

/// <summary>What the generic layer does when a counter would over- or underflow (docs/contract.md §2, "Warnings and wrap").</summary>
public enum MisusePolicy
{
    /// <summary>Kernel behaviour: WARN_ON_ONCE per site, then u8 arithmetic wraps exactly as C does.</summary>
    WarnOnce,

    /// <summary>Refuse the misuse call with <see cref="LazyMmuMisuseException"/>; state is left unchanged.</summary>
    Strict,
}
