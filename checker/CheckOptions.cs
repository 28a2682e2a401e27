using LazyMmuGen.Checker.Progress;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Checker;

/// <summary>
/// What <see cref="ModelChecker.Check"/> explores: how deep, under which revision of the generic layer, with which
/// ops, on how many threads. Immutable; the defaults are what <c>lazymmu check</c> uses.
/// </summary>
public sealed record CheckOptions
{
    /// <summary>
    /// The longest op sequence explored (default 6). The state count grows roughly exponentially with it; depth 4 is
    /// a quick smoke test, 6 to 8 finds the races the built-in arches show.
    /// </summary>
    public int Depth { get; init; } = 6;

    /// <summary>The revision of the generic layer the machine runs and the oracle checks against (default the merged one).</summary>
    public GenericRevision Revision { get; init; } = GenericRevision.Final;

    /// <summary>
    /// Ops to explore, in trace-script syntax ("enable", "set_pte(kind=user,addr=0x2000)", ...); null means
    /// <see cref="Explorer.Alphabet.For(ArchInfo)"/>: the default alphabet, plus the ranged enable for arches that take a range.
    /// </summary>
    public IReadOnlyList<string>? Alphabet { get; init; }

    /// <summary>Threads expanding a depth; null uses every core. Results are the same for any value.</summary>
    public int? MaxThreads { get; init; }

    /// <summary>
    /// Identify states that differ only by which CPU is which, where that is sound (<see cref="Explorer.Symmetry"/>,
    /// docs/checker.md#symmetry): fewer states, the same verdicts and counterexample lengths. False keys every state as it is.
    /// </summary>
    public bool Symmetry { get; init; } = true;

    /// <summary>Called after each depth with (depth, states so far, frontier size).</summary>
    public Action<int, long, int>? Progress { get; init; }

    /// <summary>
    /// Counters the check keeps up to date while it runs (states expanded, frontier sizes), for a progress display
    /// weighted by work (<see cref="WorkEstimate"/>) to read from another thread; null keeps none. A tracker serves one check.
    /// </summary>
    public CheckProgress? Tracker { get; init; }
}
