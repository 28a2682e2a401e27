using System.Collections.Concurrent;
using LazyMmuGen.Runtime;
using LazyMmuGen.Checker.Explorer;
using LazyMmuGen.Checker.Progress;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker;

/// <summary>
/// Breadth-first exploration of every op sequence up to a depth, each distinct state expanded once (docs/checker.md).
/// BFS order makes the first violation found a shortest one. Each frontier entry is the sequence that reached it and
/// its anchor, the run of an ancestor at most <see cref="AnchorDistance"/> ops back; a worker stands the state in by
/// copying the anchor into a scratch run and stepping those ops, then copies that into a second scratch run once
/// per op of the alphabet. A prefix is never replayed from the start, and a state is kept as a run only when it is
/// the anchor of new successors. A new state belongs to its earliest transition in frontier-then-alphabet order, so
/// the frontier, the counts and any counterexample are the same for every thread count.
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
        // Written only between depths, read by every worker during one (StateSet).
        var seen = new StateSet();
        seen.Add(origin.StateKey(renamings));
        var frontier = new List<Node> { new(null, origin, 0, 0) };
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
            // The last depth's states are counted, never expanded: they need no path, no anchor and no claim order.
            var last = depth == options.Depth;
            // Whether the states expanded now (depth - 1) are kept as the anchors of their successors.
            var anchors = KeepsAnchors(depth - 1, options.Depth);
            var violations = new Violation?[frontier.Count];
            // Many lock stripes: two workers claiming at once rarely wait for each other.
            // Sized for the next frontier (states grow about 2.7 times per depth), so it rarely grows while workers claim.
            // The last depth's states are only counted, in a set of plain keys: millions of dictionary nodes would only feed the GC.
            var claims = last ? null : new ConcurrentDictionary<StateKey, Node>(concurrencyLevel: 64, capacity: frontier.Count * 3);
            var counted = last ? new CountedStates(frontier.Count * 2) : null;
            var current = frontier;
            // Two scratch runs per worker (the state expanded, and its successor): a transition to a state already seen
            // or already claimed by an earlier transition of this depth allocates nothing.
            Parallel.For(0, current.Count, parallel, () => (Scratch?)null, (i, _, scratch) =>
            {
                scratch ??= new Scratch(template.Clone(), template.Clone(), new ScriptOp[AnchorDistance], new StateKey[alphabet.Length], new int[alphabet.Length]);
                violations[i] = Expand(arch, current[i], i, alphabet, renamings, seen, claims, counted, scratch, pool, anchors);
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
            if (counted is not null)
            {
                var newStates = counted.Count;
                tracker?.Frontier(newStates);
                options.Progress?.Invoke(depth, seen.Count + newStates, newStates);
                tracker?.Finish();
                return new CheckResult(arch.Name, options.Depth, seen.Count + newStates, transitions, null);
            }
            // Each new state goes to its earliest transition in frontier-then-alphabet order (Node.Order), whichever
            // thread saw it first: the next frontier and any counterexample do not depend on thread scheduling.
            frontier = InClaimOrder(claims!);
            // The anchors only the expanded depth stood on become the next depth's kept runs (a copy into them is cheaper
            // than a clone); those the next frontier still stands on stay.
            var kept = new HashSet<CheckedRun>(Anchors(frontier), ReferenceEqualityComparer.Instance);
            pool.Refill(Anchors(current).Where(anchor => !kept.Contains(anchor)));
            seen.EnsureCapacity(seen.Count + claims!.Count);
            // Enumerated in place (Keys would copy them all first).
            foreach (var (key, _) in claims!) seen.Add(key);
            tracker?.Frontier(frontier.Count);
            options.Progress?.Invoke(depth, seen.Count, frontier.Count);
        }
        tracker?.Finish();
        return new CheckResult(arch.Name, options.Depth, seen.Count, transitions, null);
    }

    /// <summary>
    /// How many ops at most a frontier state lies past its anchor, the nearest ancestor kept as a run. A state is
    /// stood in by copying its anchor and stepping those ops again, so only every few depths is a state kept as a run,
    /// once for all its descendants up to this distance: several times fewer object graphs for the GC to hold, for a
    /// step or two more per state expanded (docs/checker.md#cost).
    /// </summary>
    private const int AnchorDistance = 2;

    /// <summary>
    /// True when the states of <paramref name="depth"/> are kept as anchors: every <see cref="AnchorDistance"/> depths,
    /// counted back from the last expanded depth, which itself never is (its successors are only counted). Aligned so,
    /// the depth before the last, the largest one expanded, keeps none: anchors are made at the smaller depths.
    /// </summary>
    private static bool KeepsAnchors(int depth, int maxDepth) =>
        depth > 0 && depth < maxDepth - 1 && (maxDepth - 1 - depth) % AnchorDistance == 0;

    /// <summary>
    /// A frontier state: the sequence that reached it first (<see cref="Path"/>), its anchor (the origin's run, or a
    /// run kept for an ancestor <see cref="Distance"/> ops back), and its transition's place in its depth's order
    /// (frontier index × alphabet + op index), by which the earliest claim of a state wins.
    /// </summary>
    private sealed record Node(Path? Path, CheckedRun Anchor, int Distance, long Order);

    /// <summary>The claimed states in claim order: one array sort by order instead of an ordered LINQ pipeline.</summary>
    private static List<Node> InClaimOrder(ConcurrentDictionary<StateKey, Node> claims)
    {
        var won = claims.Values.ToArray();
        var orders = new long[won.Length];
        for (var i = 0; i < won.Length; i++) orders[i] = won[i].Order;
        Array.Sort(orders, won);
        return [.. won];
    }

    /// <summary>
    /// The distinct anchors of a frontier in order. The successors one state claimed are adjacent (their orders are
    /// that state's index times the alphabet plus the op), and so, depth by depth, are all states of one anchor:
    /// an anchor repeats only next to itself.
    /// </summary>
    private static IEnumerable<CheckedRun> Anchors(List<Node> frontier)
    {
        CheckedRun? last = null;
        foreach (var node in frontier)
        {
            if (ReferenceEquals(node.Anchor, last)) continue;
            last = node.Anchor;
            yield return last;
        }
    }

    /// <summary>
    /// A worker's scratch: the state being expanded, the successor being tried, the ops from an anchor, and the keys of a
    /// state's successors with the index of the op that reached each.
    /// </summary>
    private sealed record Scratch(CheckedRun State, CheckedRun Next, ScriptOp[] Ops, StateKey[] Keys, int[] Taken);

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

    /// <summary>Expands one frontier state: claims the successors not seen at an earlier depth; returns its first violation.</summary>
    private static Violation? Expand(ArchInfo arch, Node node, int index, ScriptOp[] alphabet, int[][] renamings,
        StateSet seen, ConcurrentDictionary<StateKey, Node>? claims, CountedStates? counted, Scratch scratches, RunPool pool,
        bool keepsAnchor)
    {
        var state = scratches.State;
        state.CopyFrom(node.Anchor);
        // The ops from the anchor, oldest first. They were checked when their states were claimed; stepping them again
        // only stands in the state (the machine is deterministic).
        var path = node.Path;
        for (var i = node.Distance - 1; i >= 0; i--, path = path.Before) scratches.Ops[i] = path!.Op;
        for (var i = 0; i < node.Distance; i++) state.Step(scratches.Ops[i], check: false);
        // The last op this state takes steps the state itself instead of a copy: nothing reads the state after it, unless
        // the state is to be kept as an anchor (it is copied when its first successor is claimed, which may be that op's).
        var inPlace = -1;
        for (var j = alphabet.Length - 1; j >= 0 && !keepsAnchor; j--)
        {
            if (state.Refuses(alphabet[j])) continue;
            inPlace = j;
            break;
        }
        CheckedRun? kept = null;
        var (keys, taken) = (scratches.Keys, scratches.Taken);
        var successors = 0;
        for (var j = 0; j < alphabet.Length; j++)
        {
            var op = alphabet[j];
            // A refused op (a switch with preemption off, an irq_exit outside an interrupt) leads back to this state.
            if (j != inPlace && state.Refuses(op)) continue;
            var scratch = j == inPlace ? state : scratches.Next;
            if (j != inPlace) scratch.CopyFrom(state);
            var broken = scratch.Step(op, check: true);
            if (broken is { } b)
                return new Violation(arch.Name, b.Property, b.Detail, new Path(node.Path, op).Texts());
            if (scratch.DeadEnd) continue;
            keys[successors] = scratch.StateKey(renamings);
            seen.Prefetch(keys[successors]);
            taken[successors++] = j;
        }
        // The lookups after all the keys: their cache misses overlap instead of stalling one step each.
        for (var s = 0; s < successors; s++)
        {
            var key = keys[s];
            var j = taken[s];
            var op = alphabet[j];
            if (seen.Contains(key)) continue;
            if (counted is not null)
            {
                counted.Add(key);
                continue;
            }
            var order = (long)index * alphabet.Length + j;
            if (claims!.TryGetValue(key, out var earlier) && earlier.Order < order) continue;
            // A successor shares its parent's anchor, unless this depth keeps anchors: then this state is kept once, as
            // the anchor of every successor it claims.
            Node mine;
            if (!keepsAnchor)
            {
                mine = new Node(new Path(node.Path, op), node.Anchor, node.Distance + 1, order);
            }
            else
            {
                kept ??= pool.CopyOf(state);
                mine = new Node(new Path(node.Path, op), kept, 1, order);
            }
            claims.AddOrUpdate(key, static (_, claim) => claim, static (_, other, claim) => other.Order < claim.Order ? other : claim, mine);
        }
        return null;
    }
}
