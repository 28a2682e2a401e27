namespace LazyMmuGen.Checker.Diff;

/// <summary>A kind of behavioural difference between two revisions and its shortest example.</summary>
public sealed record Difference(string Kind, string Aspect, IReadOnlyList<string> Ops, string Left, string Right)
{
    public string Script => string.Join(";", Ops);
}
