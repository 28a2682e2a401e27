using LazyMmuGen.Runtime;
using LazyMmuGen.Checker.Explorer;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker;

/// <summary>
/// Breadth-first exploration of every op sequence up to a depth, each distinct state expanded once (docs/checker.md).
/// BFS order makes the first violation found a shortest one. Each frontier entry is the sequence that reached it and
/// its anchor, the run of an ancestor at most <see cref="AnchorDistance"/> ops back; a worker stands the state in by
/// copying the anchor into a scratch run and stepping those ops, then copies that into a second scratch run once
/// per op of the alphabet. A prefix is never replayed from the start, and a state is kept as a run only when it is
/// the anchor of new successors. A new state belongs to its earliest transition in frontier-then-alphabet order, so
/// the frontier, the counts and any counterexample are the same for every thread count. Per state the explorer keeps
/// numbers only (its key, its claim order, its sequence in a <see cref="PathTable"/>): no object per state for the GC.
/// </summary>
public static partial class ModelChecker
{
    /// <summary>
    /// Every property the checker checks, by the name a <see cref="Violation.Property"/> carries; a descriptor's
    /// <c>expected-violation.property</c> must be one of them (the generator reports any other as LMG0002).
    /// </summary>
    public static IReadOnlyList<string> Properties { get; } = CheckedProperties.All;

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
        var paths = new PathTable();
        var frontier = new[] { new Node(PathTable.Empty, origin, 0) };
        var pool = new RunPool();
        // Scratch runs are cloned from this one, never pooled: the origin's own run is reused once depth 1 is done.
        var template = origin.Clone();
        var tracker = options.Tracker;
        tracker?.Start(options.Depth);
        tracker?.Frontier(frontier.Length);
        long transitions = 0;
        for (var depth = 1; depth <= options.Depth && frontier.Length > 0; depth++)
        {
            tracker?.BeginDepth(depth);
            // The last depth's states are counted, never expanded: they need no path, no anchor and no claim order.
            var last = depth == options.Depth;
            // Whether the states expanded now (depth - 1) are kept as the anchors of their successors, and those kept.
            var keepsAnchors = KeepsAnchors(depth - 1, options.Depth);
            var kept = keepsAnchors ? new CheckedRun?[frontier.Length] : null;
            var violations = new Violation?[frontier.Length];
            // Sized for the next frontier (states grow about 2.4-2.7 times per depth), so it rarely grows while workers claim.
            var claims = new ClaimTable(frontier.Length * 2, withOrders: !last);
            var current = frontier;
            var expansion = new Expansion(arch, alphabet, renamings, seen, claims, pool, paths, kept);
            // Two scratch runs per worker (the state expanded, and its successor): a transition to a state already seen
            // or already claimed by an earlier transition of this depth allocates nothing.
            Parallel.For(0, current.Length, parallel, () => (Scratch?)null, (i, _, scratch) =>
            {
                scratch ??= new Scratch(template.Clone(), template.Clone(), new ScriptOp[AnchorDistance], new StateKey[alphabet.Length], new int[alphabet.Length], new OpFrom[alphabet.Length]);
                violations[i] = Expand(expansion, current[i], i, scratch);
                tracker?.Expanded();
                return scratch;
            }, _ => { });
            transitions += (long)current.Length * alphabet.Length;
            var violation = violations.FirstOrDefault(v => v is not null);
            if (violation is not null)
            {
                tracker?.Finish();
                return new CheckResult(arch.Name, depth, seen.Count, transitions, violation);
            }
            var claimed = claims.Count;
            if (last)
            {
                tracker?.Frontier(claimed);
                options.Progress?.Invoke(depth, seen.Count + claimed, claimed);
                tracker?.Finish();
                return new CheckResult(arch.Name, options.Depth, seen.Count + claimed, transitions, null);
            }
            // Each new state goes to its earliest transition in frontier-then-alphabet order, whichever thread saw it
            // first: the next frontier and any counterexample do not depend on thread scheduling.
            seen.EnsureCapacity(seen.Count + claimed);
            var orders = new long[claimed];
            var n = 0;
            foreach (var (key, order) in claims.Entries())
            {
                seen.Add(key);
                orders[n++] = order;
            }
            Array.Sort(orders);
            frontier = NextFrontier(current, orders, alphabet.Length, paths, kept);
            // The anchors only the expanded depth stood on become the next depth's kept runs (a copy into them is cheaper
            // than a clone); those the next frontier still stands on stay. So do runs kept for claims that lost.
            var standing = new HashSet<CheckedRun>(Anchors(frontier), ReferenceEqualityComparer.Instance);
            var unused = kept?.OfType<CheckedRun>() ?? [];
            pool.Refill(Anchors(current).Concat(unused).Where(anchor => !standing.Contains(anchor)));
            tracker?.Frontier(frontier.Length);
            options.Progress?.Invoke(depth, seen.Count, frontier.Length);
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
    /// A frontier state: the sequence that reached it first (an index into the <see cref="PathTable"/>) and its anchor
    /// (the origin's run, or a run kept for an ancestor <see cref="Distance"/> ops back).
    /// </summary>
    private readonly record struct Node(int Path, CheckedRun Anchor, int Distance);

    /// <summary>
    /// The next frontier from the claims' orders, sorted: order = parent index × alphabet + op index, so each claim
    /// names its parent and op, and the new state stands on the parent's anchor or, at a depth that keeps anchors, on
    /// the parent's own kept run (made when its first successor was claimed: a winning claim always made one).
    /// </summary>
    private static Node[] NextFrontier(Node[] current, long[] orders, int alphabetLength, PathTable paths, CheckedRun?[]? kept)
    {
        paths.Reserve(orders.Length);
        var next = new Node[orders.Length];
        for (var k = 0; k < orders.Length; k++)
        {
            var parent = (int)(orders[k] / alphabetLength);
            var op = (int)(orders[k] % alphabetLength);
            var from = current[parent];
            var path = paths.Add(from.Path, op);
            next[k] = kept is null
                ? new Node(path, from.Anchor, from.Distance + 1)
                : new Node(path, kept[parent]!, 1);
        }
        return next;
    }

    /// <summary>
    /// The distinct anchors of a frontier in order. The successors one state claimed are adjacent (their orders are
    /// that state's index times the alphabet plus the op), and so, depth by depth, are all states of one anchor:
    /// an anchor repeats only next to itself.
    /// </summary>
    private static IEnumerable<CheckedRun> Anchors(Node[] frontier)
    {
        CheckedRun? last = null;
        foreach (var node in frontier)
        {
            if (ReferenceEquals(node.Anchor, last)) continue;
            last = node.Anchor;
            yield return last;
        }
    }

    /// <summary>A worker's scratch: the state being expanded, the successor being tried, the ops from an anchor, and the keys of a state's successors with the index of the op that reached each.</summary>
    private sealed record Scratch(CheckedRun State, CheckedRun Next, ScriptOp[] Ops, StateKey[] Keys, int[] Taken, OpFrom[] Kinds);

    /// <summary>What an op does from the state being expanded.</summary>
    private enum OpFrom : byte
    {
        /// <summary>It runs and leads to a successor to key.</summary>
        Taken,

        /// <summary>The machine refuses it: nothing happens, nothing is checked.</summary>
        Refused,

        /// <summary>It runs and changes nothing (<see cref="CheckedRun.Idles"/>).</summary>
        Idle,
    }

    /// <summary>What every expansion of one depth shares: the arch and alphabet, the tables, and the anchors kept (or null).</summary>
    private sealed record Expansion(ArchInfo Arch, ScriptOp[] Alphabet, int[][] Renamings, StateSet Seen, ClaimTable Claims,
        RunPool Pool, PathTable Paths, CheckedRun?[]? Kept);

    /// <summary>Expands one frontier state: claims the successors not seen at an earlier depth; returns its first violation.</summary>
    private static Violation? Expand(Expansion depth, Node node, int index, Scratch scratches)
    {
        var alphabet = depth.Alphabet;
        var state = scratches.State;
        state.CopyFrom(node.Anchor);
        // The ops from the anchor, oldest first. They were checked when their states were claimed; stepping them again
        // only stands in the state (the machine is deterministic).
        var path = node.Path;
        for (var i = node.Distance - 1; i >= 0; i--, path = depth.Paths.Before(path)) scratches.Ops[i] = depth.Paths.LastOp(path, alphabet);
        for (var i = 0; i < node.Distance; i++) state.Step(scratches.Ops[i], check: false);
        // What each op does from this state, told before anything steps it: refused (a switch with preemption off, an
        // irq_exit outside an interrupt) or idle (a switch to the running task) ops lead back to this state.
        var kinds = scratches.Kinds;
        for (var j = 0; j < alphabet.Length; j++)
            kinds[j] = state.Refuses(alphabet[j]) ? OpFrom.Refused : state.Idles(alphabet[j]) ? OpFrom.Idle : OpFrom.Taken;
        // An idle op is checked only for what it could still break (CheckedRun.IdleCheck), once for all of them.
        var idle = Array.IndexOf(kinds, OpFrom.Idle) >= 0 ? state.IdleCheck() : null;
        // The last op this state takes steps the state itself instead of a copy: nothing reads the state after it (the
        // ops after it were told apart above), unless the state is to be kept as an anchor (it is copied when its first
        // successor is claimed, which may be that op's).
        var inPlace = depth.Kept is null ? Array.LastIndexOf(kinds, OpFrom.Taken) : -1;
        var (keys, taken) = (scratches.Keys, scratches.Taken);
        var successors = 0;
        for (var j = 0; j < alphabet.Length; j++)
        {
            var op = alphabet[j];
            if (kinds[j] == OpFrom.Refused) continue;
            if (kinds[j] == OpFrom.Idle)
            {
                if (idle is { } verdict)
                    return new Violation(depth.Arch.Name, verdict.Property, verdict.Detail, depth.Paths.Texts(node.Path, op, alphabet));
                continue;
            }
            var scratch = j == inPlace ? state : scratches.Next;
            if (j != inPlace) scratch.CopyFrom(state);
            var broken = scratch.Step(op, check: true);
            if (broken is { } b)
                return new Violation(depth.Arch.Name, b.Property, b.Detail, depth.Paths.Texts(node.Path, op, alphabet));
            if (scratch.DeadEnd) continue;
            keys[successors] = scratch.StateKey(depth.Renamings);
            depth.Seen.Prefetch(keys[successors]);
            taken[successors++] = j;
        }
        // The lookups after all the keys: their cache misses overlap instead of stalling one step each.
        for (var s = 0; s < successors; s++)
        {
            if (depth.Seen.Contains(keys[s])) continue;
            var order = (long)index * alphabet.Length + taken[s];
            // Only a claim that is the earliest so far keeps this state as an anchor: a later one never wins.
            if (depth.Claims.Claim(keys[s], order) && depth.Kept is { } kept) kept[index] ??= depth.Pool.CopyOf(state);
        }
        return null;
    }
}
