namespace LazyMmuGen.Checker;

public sealed record CheckResult(string Arch, int Depth, long States, long Transitions, Violation? Violation)
{
    public bool Passed => Violation is null;
}
