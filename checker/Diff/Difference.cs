using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker.Diff;

/// <summary>A kind of behavioural difference between two revisions and its shortest example.</summary>
/// <param name="Kind">The situation in the left revision, e.g. "enable-while-paused", "nested-pause", "disable-in-interrupt".</param>
/// <param name="Aspect">What differs, '+'-joined: "callbacks", "active", "warnings", "pending", "effects", "errors".</param>
/// <param name="Ops">The shortest op sequence showing it, from a fresh machine; the last op is where they differ.</param>
/// <param name="Left">What the left revision did at the last op (callbacks, active, warnings, pending, effects).</param>
/// <param name="Right">What the right revision did at the last op.</param>
public sealed record Difference(string Kind, string Aspect, IReadOnlyList<string> Ops, string Left, string Right)
{
    /// <summary>The ops as one trace script.</summary>
    public string Script => string.Join(";", Ops);

    /// <summary>The left revision's trace row at the last op (what <see cref="Left"/> describes), for typed output.</summary>
    public TraceRow? LeftRow { get; init; }

    /// <summary>The right revision's trace row at the last op.</summary>
    public TraceRow? RightRow { get; init; }
}
