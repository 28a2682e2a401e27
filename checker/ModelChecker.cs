using System.Collections.Concurrent;
using LazyMmuGen.Runtime;
using LazyMmuGen.Checker.Explorer;
using LazyMmuGen.Checker.Progress;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker;

/// <summary>
/// Breadth-first exploration of every op sequence up to a depth, each distinct state expanded once (docs/checker.md).
/// BFS order makes the first violation found a shortest one. Each frontier entry keeps its run (the machine in that
/// state) and the last op of the sequence that reached it; a worker expands it by copying it into its scratch run
/// once per op of the alphabet, never by replaying its prefix, and clones only a new state. A new state belongs to
/// its earliest transition in frontier-then-alphabet order, so the frontier, the counts and any counterexample are
/// the same for every thread count.
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
        var renamings = Symmetry.CpuRenamings(arch, alphabet, Machines.For(options.Revision).Cpus, options.Symmetry);
        // Written only between depths, read by every worker during one: a plain set is safe for concurrent reads.
        var seen = new HashSet<StateKey> { origin.StateKey(renamings) };
        var frontier = new List<Node> { new(null, origin) };
        var pool = new RunPool();
        // Scratch runs are cloned from this one, never pooled: the origin's own run is reused once depth 1 is done.
        var template = origin.Clone();
        var tracker = options.Tracker;
        tracker?.Start(options.Depth);
        tracker?.Frontier(frontier.Count);
        long transitions = 0;
        for (var depth = 1; depth <= options.Depth && frontier.Count > 0; depth++)
        {
            tracker?.BeginDepth(depth);
            var violations = new Violation?[frontier.Count];
            // Many lock stripes: two workers claiming at once rarely wait for each other.
            // Sized for the next frontier (states grow about 2.7 times per depth), so it rarely grows while workers claim.
            var claims = new ConcurrentDictionary<StateKey, Claim>(concurrencyLevel: 64, capacity: frontier.Count * 3);
            var current = frontier;
            // Two scratch runs per worker (the state expanded, and its successor): a transition to a state already seen
            // or already claimed by an earlier transition of this depth allocates nothing.
            Parallel.For(0, current.Count, parallel, () => (Scratch?)null, (i, _, scratch) =>
            {
                scratch ??= new Scratch(template.Clone(), template.Clone());
                violations[i] = Expand(arch, current[i], i, alphabet, renamings, seen, claims, scratch, pool);
                tracker?.Expanded();
                return scratch;
            }, _ => { });
            transitions += (long)current.Count * alphabet.Length;
            var violation = violations.FirstOrDefault(v => v is not null);
            if (violation is not null)
            {
                tracker?.Finish();
                return new CheckResult(arch.Name, depth, seen.Count, transitions, violation);
            }
            // Each new state goes to its earliest transition in frontier-then-alphabet order (Claim.Order), whichever
            // thread saw it first: the next frontier and any counterexample do not depend on thread scheduling.
            frontier = InClaimOrder(claims);
            // The runs the expanded depth stood on are the next depth's parents (a copy into them is cheaper than a clone).
            pool.Refill(Parents(current));
            foreach (var key in claims.Keys) seen.Add(key);
            tracker?.Frontier(frontier.Count);
            options.Progress?.Invoke(depth, seen.Count, frontier.Count);
        }
        tracker?.Finish();
        return new CheckResult(arch.Name, options.Depth, seen.Count, transitions, null);
    }

    /// <summary>
    /// A frontier state: the sequence that reached it first, and the run of the state before its last op (the origin's
    /// own run for the empty sequence). A state is stood in by stepping its parent's run again when it is expanded, so
    /// only states with new successors are kept as runs, one per parent instead of one per state: a few times fewer
    /// object graphs for the GC to hold, for one more step per state expanded (docs/checker.md#cost).
    /// </summary>
    private sealed record Node(Path? Path, CheckedRun Parent);

    /// <summary>The claimed states in claim order: one array sort by order instead of an ordered LINQ pipeline.</summary>
    private static List<Node> InClaimOrder(ConcurrentDictionary<StateKey, Claim> claims)
    {
        var won = claims.Values.ToArray();
        var orders = new long[won.Length];
        for (var i = 0; i < won.Length; i++) orders[i] = won[i].Order;
        Array.Sort(orders, won);
        var nodes = new List<Node>(won.Length);
        foreach (var claim in won) nodes.Add(claim.Node);
        return nodes;
    }

    /// <summary>
    /// The distinct parents of a frontier in order: the successors one state claimed are adjacent (their orders are
    /// that state's index times the alphabet plus the op), so a parent repeats only next to itself.
    /// </summary>
    private static IEnumerable<CheckedRun> Parents(List<Node> frontier)
    {
        CheckedRun? last = null;
        foreach (var node in frontier)
        {
            if (ReferenceEquals(node.Parent, last)) continue;
            last = node.Parent;
            yield return last;
        }
    }

    /// <summary>A worker's two scratch runs: the state being expanded, and the successor being tried.</summary>
    private sealed record Scratch(CheckedRun State, CheckedRun Next);

    /// <summary>An op sequence as a chain of its last op and the sequence before it: shared prefixes are stored once.</summary>
    private sealed record Path(Path? Before, ScriptOp Op)
    {
        public string[] Texts()
        {
            var texts = new List<string>();
            for (var p = this; p is not null; p = p.Before) texts.Add(p.Op.Text);
            texts.Reverse();
            return [.. texts];
        }
    }

    /// <summary>A new state's node and its transition's place in this depth's order (frontier index × alphabet + op index).</summary>
    private sealed record Claim(long Order, Node Node);

    /// <summary>Expands one frontier state: claims the successors not seen at an earlier depth; returns its first violation.</summary>
    private static Violation? Expand(ArchInfo arch, Node node, int index, ScriptOp[] alphabet, int[][] renamings,
        HashSet<StateKey> seen, ConcurrentDictionary<StateKey, Claim> claims, Scratch scratches, RunPool pool)
    {
        var state = scratches.State;
        state.CopyFrom(node.Parent);
        // Checked when it was claimed; stepping again only stands in the state (the machine is deterministic).
        if (node.Path is { } path) state.Step(path.Op, check: false);
        var scratch = scratches.Next;
        CheckedRun? kept = null;
        for (var j = 0; j < alphabet.Length; j++)
        {
            var op = alphabet[j];
            // A refused op (a switch with preemption off, an irq_exit outside an interrupt) leads back to this state.
            if (state.Refuses(op)) continue;
            scratch.CopyFrom(state);
            var broken = scratch.Step(op, check: true);
            if (broken is { } b)
                return new Violation(arch.Name, b.Property, b.Detail, new Path(node.Path, op).Texts());
            if (scratch.DeadEnd) continue;
            var key = scratch.StateKey(renamings);
            if (seen.Contains(key)) continue;
            var order = (long)index * alphabet.Length + j;
            if (claims.TryGetValue(key, out var earlier) && earlier.Order < order) continue;
            // The state is kept once, as the parent of every successor it claims.
            kept ??= pool.CopyOf(state);
            var mine = new Claim(order, new Node(new Path(node.Path, op), kept));
            claims.AddOrUpdate(key, static (_, claim) => claim, static (_, other, claim) => other.Order < claim.Order ? other : claim, mine);
        }
        return null;
    }
}
