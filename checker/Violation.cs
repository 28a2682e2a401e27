namespace LazyMmuGen.Checker;

/// <summary>A broken property and the shortest op sequence that breaks it.</summary>
public sealed record Violation(string Arch, string Property, string Detail, IReadOnlyList<string> Ops)
{
    public string Script => string.Join(";", Ops);

    public string Reproduce => $"lazymmu trace --arch {Arch} --ops \"{Script}\"";
}
