using LazyMmuGen.Runtime;

namespace LazyMmuGen.Checker;

public sealed record CheckOptions
{
    public int Depth { get; init; } = 6;
    public GenericRevision Revision { get; init; } = GenericRevision.Final;

    /// <summary>Ops to explore; null means <see cref="Alphabet.For"/> the arch's mechanisms.</summary>
    public IReadOnlyList<string>? Alphabet { get; init; }

    /// <summary>Threads expanding a depth; null uses every core. Results are the same for any value.</summary>
    public int? MaxThreads { get; init; }

    /// <summary>Called after each depth with (depth, states so far, frontier size).</summary>
    public Action<int, long, int>? Progress { get; init; }
}
