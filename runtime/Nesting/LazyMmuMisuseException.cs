namespace LazyMmuGen.Runtime;

/// <summary>Thrown under <see cref="MisusePolicy.Strict"/> instead of warning; the counters are unchanged.</summary>
public sealed class LazyMmuMisuseException(WarnSite site, string message) : InvalidOperationException(message)
{
    public WarnSite Site { get; } = site;
}
