using LazyMmuGen.Runtime;

namespace LazyMmuGen.Checker.Oracle;

/// <summary>
/// "Batching is real" (docs/contract.md §7): for every bound the arch's mechanisms declare
/// (<see cref="ArchFacts.Batching"/>), each open section of each task keeps a slack: the allowances the task's
/// own ops earned (<see cref="BatchingBound"/>) minus the counted effects those ops emitted. The property
/// breaks when a slack goes below zero. Only the task's own ops in task context are charged; interrupts,
/// context switches and migrations (the <c>irq_*</c>, <c>switch</c> and <c>migrate</c> ops) may flush early and
/// are never charged. A section runs from the op that takes the task's enable count from 0 to the op that
/// brings it back to 0, both included; pause/resume and nested flushes stay inside it.
/// </summary>
public sealed class BatchingLedger
{
    private readonly IReadOnlyList<BatchingBound> bounds;
    private readonly EffectKind[][] kinds;
    // Per task id, its sections' objects, kept when the section closes so the next one reuses them; openMask says
    // which tasks have a section open. A copy copies into the objects it has: no allocation once they exist.
    private Section[]?[] sections = [];
    private ulong openMask;

    /// <summary>The most tasks a ledger follows (one bit each in a mask); a checker's machine has three.</summary>
    public const int MaxTasks = 64;

    /// <summary>A ledger for <paramref name="bounds"/> (none: nothing is checked).</summary>
    /// <param name="bounds">The arch's declared bounds.</param>
    public BatchingLedger(IReadOnlyList<BatchingBound> bounds)
    {
        this.bounds = bounds;
        kinds = bounds.Select(b => b.Effects.Select(EffectKind.Named).ToArray()).ToArray();
    }

    private BatchingLedger(BatchingLedger source)
    {
        bounds = source.bounds;
        kinds = source.kinds;
        CopyFrom(source);
    }

    /// <summary>Makes this ledger a copy of <paramref name="source"/> in place, reusing its sections where it can.</summary>
    /// <param name="source">A ledger of the same bounds.</param>
    public void CopyFrom(BatchingLedger source)
    {
        openMask = source.openMask;
        for (var mask = openMask; mask != 0; mask &= mask - 1)
        {
            var task = System.Numerics.BitOperations.TrailingZeroCount(mask);
            var open = source.sections[task]!;
            var mine = SectionsOf(task);
            for (var i = 0; i < open.Length; i++) mine[i].CopyFrom(open[i]);
        }
    }

    /// <summary>True when the arch declares no bound.</summary>
    public bool Empty => bounds.Count == 0;

    /// <summary>An independent ledger in the same state.</summary>
    public BatchingLedger Clone() => new(this);

    /// <summary>
    /// Counted effects so far, one total per bound, into a buffer the caller reuses from op to op: what
    /// <see cref="Charge"/> compares before and after an op.
    /// </summary>
    /// <param name="effects">The machine's effect log.</param>
    /// <param name="totals">The buffer (at least <see cref="Bounds"/> long).</param>
    public void TotalsInto(EffectLog effects, long[] totals)
    {
        for (var i = 0; i < kinds.Length; i++)
        {
            long sum = 0;
            foreach (var kind in kinds[i]) sum += effects[kind];
            totals[i] = sum;
        }
    }

    /// <summary>The number of bounds: the length of a <see cref="TotalsInto"/> buffer.</summary>
    public int Bounds => kinds.Length;

    /// <summary>Forgets every section (after misuse nothing more is demanded).</summary>
    public void Clear() => openMask = 0;

    /// <summary>
    /// Charges one op to its task's section and returns the broken bound's detail, or null. Call for ops the task
    /// ran in task context; an op outside any section (enable count 0 before and after) charges nothing.
    /// </summary>
    /// <param name="op">The op, its task, the oracle's enable counts around it and what it emitted.</param>
    public string? Charge(Op op)
    {
        if (Empty) return null;
        if (op.EnableBefore == 0 && op.EnableAfter == 0) return null;
        if ((uint)op.Task >= MaxTasks) throw new ArgumentOutOfRangeException(nameof(op), $"task {op.Task}: a ledger follows tasks 0 to {MaxTasks - 1}");
        var bit = 1UL << op.Task;
        var open = SectionsOf(op.Task);
        if (op.EnableBefore == 0 || (openMask & bit) == 0)
        {
            foreach (var section in open) section.Reset();
            openMask |= bit;
        }
        string? broken = null;
        for (var i = 0; i < bounds.Count; i++)
        {
            var bound = bounds[i];
            var s = open[i];
            long allowance = op.ContextSwitches;
            for (var f = 0; f < op.FlushPoints; f++)
            {
                // A flush point with deferred writes to complete may emit its declared per-flush (a mechanism that
                // needs two fences per flush declares 2, and gets 2 for one write as for ten); one with nothing
                // deferred owes nothing. Distinct-ptes grants one per pte the window holds.
                allowance += bound.PerFlushDistinct ? s.Window.Count : s.Window.Count > 0 ? bound.PerFlush : 0;
                s.Window.Clear();
            }
            if (op.Write is { } w)
            {
                if (!op.Active)
                {
                    allowance += 2;
                }
                else
                {
                    if (bound.Capacity is { } capacity && ++s.Writes % capacity == 0)
                    {
                        allowance++;
                        s.Writes = 0;
                    }
                    var key = (w.Mm, w.PageShift, w.SegmentShift);
                    if (bound.KeyChanges && s.LastKey is { } last && last != key) allowance++;
                    s.LastKey = key;
                    if (op.Deferred) s.Window[(w.Mm, w.Addr)] = true;
                    else allowance += bound.Unbatched;
                }
            }
            var emitted = op.TotalsAfter[i] - op.TotalsBefore[i];
            s.Slack += allowance - emitted;
            s.Emitted += emitted;
            s.Earned += allowance;
            if (s.Slack < 0 && broken is null)
            {
                broken = $"{bound.Mechanism}: task {op.Task}'s section emitted {s.Emitted} {string.Join("+", bound.Effects)}, "
                         + $"more than the {s.Earned} its flush points, capacity, key changes and unbatched writes allow ({bound})";
            }
        }
        if (op.EnableAfter == 0) openMask &= ~bit;
        return broken;
    }

    /// <summary>The section objects of <paramref name="task"/>, made the first time the task needs them.</summary>
    private Section[] SectionsOf(int task)
    {
        if (task >= sections.Length) Array.Resize(ref sections, task + 1);
        if (sections[task] is { } made) return made;
        var open = new Section[bounds.Count];
        for (var i = 0; i < open.Length; i++) open[i] = new Section();
        return sections[task] = open;
    }

    /// <summary>Writes the open sections into a state key: the slack and what later allowances depend on.</summary>
    /// <param name="writer">The state being written.</param>
    public void WriteState(StateWriter writer)
    {
        writer.Label("sections").Count(System.Numerics.BitOperations.PopCount(openMask));
        // In task order: the lowest bit first.
        for (var mask = openMask; mask != 0; mask &= mask - 1)
        {
            var task = System.Numerics.BitOperations.TrailingZeroCount(mask);
            var open = sections[task]!;
            writer.Label("|").Int(task);
            for (var i = 0; i < open.Length; i++)
            {
                var s = open[i];
                var bound = bounds[i];
                writer.Long(s.Slack).Int(s.Writes);
                if (bound.KeyChanges && s.LastKey is { } k) writer.Tag(1, "").Int(k.Mm).Int(k.PageShift).Int(k.SegmentShift);
                else writer.Tag(0, "-");
                // Only what the next flush point can earn matters: the window's distinct ptes, or up to PerFlush of them.
                if (bound.PerFlushDistinct)
                {
                    WriteWindow(writer, s.Window);
                }
                else
                {
                    writer.Int(Math.Min(bound.PerFlush, s.Window.Count));
                }
            }
        }
    }

    /// <summary>The window's distinct ptes in (mm, address) order (the map's own order).</summary>
    private static void WriteWindow(StateWriter writer, SmallMap<(int Mm, ulong Addr), bool> window)
    {
        writer.Count(window.Count);
        foreach (var ((mm, addr), _) in window) writer.Int(mm).ULong(addr);
    }

    /// <summary>One op as the ledger sees it.</summary>
    /// <param name="Task">The task that ran it (in task context).</param>
    /// <param name="EnableBefore">The oracle's enable count before the op.</param>
    /// <param name="EnableAfter">The oracle's enable count after it.</param>
    /// <param name="FlushPoints">arch_flush, arch_leave and arch_pause callbacks the op's API call made.</param>
    /// <param name="ContextSwitches">Context switches during the op (a preemption point inside an API call).</param>
    /// <param name="Write">The pte write of a set_pte, else null.</param>
    /// <param name="Active">True when the task's mode was active for the write.</param>
    /// <param name="Deferred">True when the write was still pending after the op (batched).</param>
    /// <param name="TotalsBefore">Counted effects per bound before the op (<see cref="TotalsInto"/>).</param>
    /// <param name="TotalsAfter">Counted effects per bound after it.</param>
    public readonly record struct Op(int Task, int EnableBefore, int EnableAfter, int FlushPoints, long ContextSwitches,
        PteWrite? Write, bool Active, bool Deferred, long[] TotalsBefore, long[] TotalsAfter);

    private sealed class Section
    {
        public long Slack;
        public long Emitted;
        public long Earned;
        public int Writes;
        public (int Mm, byte PageShift, byte SegmentShift)? LastKey;
        /// <summary>The distinct ptes written since the last flush point (a set: the values mean nothing).</summary>
        public readonly SmallMap<(int Mm, ulong Addr), bool> Window = new();

        public void CopyFrom(Section source)
        {
            Slack = source.Slack;
            Emitted = source.Emitted;
            Earned = source.Earned;
            Writes = source.Writes;
            LastKey = source.LastKey;
            Window.CopyFrom(source.Window);
        }

        /// <summary>Back to a section just opened.</summary>
        public void Reset()
        {
            Slack = Emitted = Earned = 0;
            Writes = 0;
            LastKey = null;
            Window.Clear();
        }
    }
}
