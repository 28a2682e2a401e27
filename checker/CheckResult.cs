namespace LazyMmuGen.Checker;

/// <summary>The outcome of a model check.</summary>
/// <param name="Arch">The arch's name.</param>
/// <param name="Depth">The depth reached: the requested depth on a pass, the depth of the violating sequence otherwise.</param>
/// <param name="States">Distinct states seen (by state key), the initial one included.</param>
/// <param name="Transitions">Ops applied: frontier states times alphabet size, summed over the depths explored.</param>
/// <param name="Violation">The first (shortest) violation found, or null when every property held.</param>
public sealed record CheckResult(string Arch, int Depth, long States, long Transitions, Violation? Violation)
{
    /// <summary>True when no property was violated up to <see cref="Depth"/>.</summary>
    public bool Passed => Violation is null;
}
