using System.Collections.Concurrent;
using LazyMmuGen.Runtime;
using LazyMmuGen.Checker.Explorer;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker;

/// <summary>
/// Breadth-first exploration of every op sequence up to a depth, each distinct state expanded once.
/// BFS order makes the first violation found a shortest one. The frontier keeps op sequences, not
/// machines (memory): each is replayed once, then cloned per op of the alphabet. Depths run in
/// parallel and merge in a fixed order, so results do not depend on scheduling.
/// </summary>
public static class ModelChecker
{
    public static CheckResult Check(ArchInfo arch, CheckOptions options)
    {
        var alphabet = (options.Alphabet ?? Alphabet.For(arch)).Select(text => OpScript.Parse(text).Single()).ToArray();
        var seen = new ConcurrentDictionary<Guid, byte>();
        seen.TryAdd(new CheckedRun(arch, options.Revision).StateKey(), 0);
        var frontier = new List<ScriptOp[]> { Array.Empty<ScriptOp>() };
        long transitions = 0;
        for (var depth = 1; depth <= options.Depth && frontier.Count > 0; depth++)
        {
            var results = new (List<(ScriptOp[] Sequence, Guid Key)> Next, Violation? Violation)[frontier.Count];
            Parallel.For(0, frontier.Count, i => results[i] = Expand(arch, options.Revision, frontier[i], alphabet, seen));
            transitions += (long)frontier.Count * alphabet.Length;
            var violation = results.Select(r => r.Violation).FirstOrDefault(v => v is not null);
            if (violation is not null) return new CheckResult(arch.Name, depth, seen.Count, transitions, violation);
            // New states are claimed here, in frontier order, not inside Parallel.For: which prefix claims a
            // state (and so the next frontier and any counterexample) must not depend on thread scheduling.
            frontier = results.SelectMany(r => r.Next).Where(n => seen.TryAdd(n.Key, 0)).Select(n => n.Sequence).ToList();
            options.Progress?.Invoke(depth, seen.Count, frontier.Count);
        }
        return new CheckResult(arch.Name, options.Depth, seen.Count, transitions, null);
    }

    /// <summary>Successors not seen at an earlier depth (read-only here); the caller claims them in order.</summary>
    private static (List<(ScriptOp[], Guid)>, Violation?) Expand(ArchInfo arch, GenericRevision revision, ScriptOp[] prefix,
        ScriptOp[] alphabet, ConcurrentDictionary<Guid, byte> seen)
    {
        var next = new List<(ScriptOp[], Guid)>();
        var origin = new CheckedRun(arch, revision);
        foreach (var earlier in prefix) origin.Step(earlier, check: false);
        foreach (var op in alphabet)
        {
            var run = origin.Clone();
            var broken = run.Step(op, check: true);
            ScriptOp[] sequence = [.. prefix, op];
            if (broken is { } b)
                return (next, new Violation(arch.Name, b.Property, b.Detail, sequence.Select(o => o.Text).ToArray()));
            if (run.DeadEnd) continue;
            var key = run.StateKey();
            if (!seen.ContainsKey(key)) next.Add((sequence, key));
        }
        return (next, null);
    }
}
