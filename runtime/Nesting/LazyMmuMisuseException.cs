namespace LazyMmuGen.Runtime;

/// <summary>Thrown under <see cref="MisusePolicy.Strict"/> instead of warning; the counters are unchanged.</summary>
/// <param name="site">The warning site the misuse would have fired.</param>
/// <param name="message">The refusal, naming the helper and the counter.</param>
public sealed class LazyMmuMisuseException(WarnSite site, string message) : InvalidOperationException(message)
{
    /// <summary>The VM_WARN_ON_ONCE site the call would have fired under the kernel's policy.</summary>
    public WarnSite Site { get; } = site;
}
