using System.Collections.Concurrent;
using LazyMmuGen.Runtime;
using LazyMmuGen.Checker.Explorer;
using LazyMmuGen.Checker.Progress;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker;

/// <summary>
/// Breadth-first exploration of every op sequence up to a depth, each distinct state expanded once.
/// BFS order makes the first violation found a shortest one. Each frontier entry keeps its run (the machine
/// in that state) beside its op sequence, so a state is expanded by copying it into a scratch run once per op of the
/// alphabet (a clone is made only for a new state), never by replaying its prefix. Depths run in parallel and merge in frontier order, so the frontier, the
/// counts and any counterexample are the same for every thread count.
/// </summary>
public static class ModelChecker
{
    /// <summary>
    /// Model-checks one arch against the contract (docs/contract.md §7): after every op of every sequence up to
    /// <see cref="CheckOptions.Depth"/>, the callbacks, counters, warnings and is_active must match the oracle, and
    /// guarantees 1 to 4, batch purity and the outermost leave's restorations must hold.
    /// </summary>
    /// <param name="arch">The arch, e.g. <c>Arm64.Info</c> or an entry of a generated <c>LazyMmuArchRegistry</c>.</param>
    /// <param name="options">Depth, revision, alphabet, threads, progress callback.</param>
    /// <returns>A pass with the state and transition counts, or the first violation (a shortest one).</returns>
    /// <exception cref="ScriptException">An op of <see cref="CheckOptions.Alphabet"/> does not parse.</exception>
    public static CheckResult Check(ArchInfo arch, CheckOptions options)
    {
        var alphabet = (options.Alphabet ?? Alphabet.For(arch)).Select(text => OpScript.Parse(text).Single()).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxThreads ?? -1 };
        var origin = new CheckedRun(arch, options.Revision);
        var seen = new ConcurrentDictionary<StateKey, byte>();
        seen.TryAdd(origin.StateKey(), 0);
        var frontier = new List<Node> { new([], origin) };
        var tracker = options.Tracker;
        tracker?.Start(options.Depth);
        tracker?.Frontier(frontier.Count);
        long transitions = 0;
        for (var depth = 1; depth <= options.Depth && frontier.Count > 0; depth++)
        {
            tracker?.BeginDepth(depth);
            var results = new (List<(Node Node, StateKey Key)> Next, Violation? Violation)[frontier.Count];
            var current = frontier;
            // One scratch run per worker: a transition to a state already seen allocates nothing.
            Parallel.For(0, current.Count, parallel, () => (CheckedRun?)null, (i, _, scratch) =>
            {
                scratch ??= current[i].Run.Clone();
                results[i] = Expand(arch, current[i], alphabet, seen, scratch);
                tracker?.Expanded();
                return scratch;
            }, _ => { });
            transitions += (long)current.Count * alphabet.Length;
            var violation = results.Select(r => r.Violation).FirstOrDefault(v => v is not null);
            if (violation is not null)
            {
                tracker?.Finish();
                return new CheckResult(arch.Name, depth, seen.Count, transitions, violation);
            }
            // New states are claimed here, in frontier order, not inside Parallel.For: which prefix claims a
            // state (and so the next frontier and any counterexample) must not depend on thread scheduling.
            frontier = results.SelectMany(r => r.Next).Where(n => seen.TryAdd(n.Key, 0)).Select(n => n.Node).ToList();
            tracker?.Frontier(frontier.Count);
            options.Progress?.Invoke(depth, seen.Count, frontier.Count);
        }
        tracker?.Finish();
        return new CheckResult(arch.Name, options.Depth, seen.Count, transitions, null);
    }

    /// <summary>A frontier state: the ops that reached it first, and the run standing in it.</summary>
    private sealed record Node(ScriptOp[] Sequence, CheckedRun Run);

    /// <summary>Successors not seen at an earlier depth (read-only here); the caller claims them in order.</summary>
    private static (List<(Node, StateKey)>, Violation?) Expand(ArchInfo arch, Node node, ScriptOp[] alphabet,
        ConcurrentDictionary<StateKey, byte> seen, CheckedRun scratch)
    {
        var next = new List<(Node, StateKey)>();
        foreach (var op in alphabet)
        {
            // A refused op (a switch with preemption off, an irq_exit outside an interrupt) leads back to this state.
            if (node.Run.Refusal(op) is not null) continue;
            scratch.CopyFrom(node.Run);
            var broken = scratch.Step(op, check: true);
            if (broken is { } b)
                return (next, new Violation(arch.Name, b.Property, b.Detail, [.. node.Sequence.Select(o => o.Text), op.Text]));
            if (scratch.DeadEnd) continue;
            var key = scratch.StateKey();
            if (!seen.ContainsKey(key)) next.Add((new Node([.. node.Sequence, op], scratch.Clone()), key));
        }
        return (next, null);
    }
}
