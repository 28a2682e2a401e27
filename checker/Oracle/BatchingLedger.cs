using System.Text;
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
    private readonly Dictionary<int, Section[]> sections = new();

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
        foreach (var (task, open) in source.sections) sections[task] = open.Select(s => s.Clone()).ToArray();
    }

    /// <summary>True when the arch declares no bound.</summary>
    public bool Empty => bounds.Count == 0;

    /// <summary>An independent ledger in the same state.</summary>
    public BatchingLedger Clone() => new(this);

    /// <summary>Counted effects so far, one total per bound: what <see cref="Charge"/> compares against.</summary>
    /// <param name="effects">The machine's effect log.</param>
    public long[] Totals(EffectLog effects) => kinds.Select(k => k.Sum(kind => effects[kind])).ToArray();

    /// <summary>Forgets every section (after misuse nothing more is demanded).</summary>
    public void Clear() => sections.Clear();

    /// <summary>
    /// Charges one op to its task's section and returns the broken bound's detail, or null. Call for ops the task
    /// ran in task context; an op outside any section (enable count 0 before and after) charges nothing.
    /// </summary>
    /// <param name="op">The op, its task, the oracle's enable counts around it and what it emitted.</param>
    public string? Charge(Op op)
    {
        if (Empty) return null;
        if (op.EnableBefore == 0 && op.EnableAfter == 0) return null;
        if (op.EnableBefore == 0 || !sections.TryGetValue(op.Task, out var open))
        {
            open = bounds.Select(_ => new Section()).ToArray();
            sections[op.Task] = open;
        }
        string? broken = null;
        for (var i = 0; i < bounds.Count; i++)
        {
            var bound = bounds[i];
            var s = open[i];
            long allowance = op.ContextSwitches;
            for (var f = 0; f < op.FlushPoints; f++)
            {
                allowance += bound.PerFlushDistinct ? s.Window.Count : Math.Min(bound.PerFlush, s.Window.Count);
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
                    if (op.Deferred) s.Window.Add((w.Mm, w.Addr));
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
        if (op.EnableAfter == 0) sections.Remove(op.Task);
        return broken;
    }

    /// <summary>Canonical text of the open sections, for state keys (the slack and what later allowances depend on).</summary>
    public string Fingerprint()
    {
        if (sections.Count == 0) return "";
        var builder = new StringBuilder();
        foreach (var (task, open) in sections.OrderBy(s => s.Key))
        {
            builder.Append(task).Append(':');
            for (var i = 0; i < open.Length; i++)
            {
                var s = open[i];
                var bound = bounds[i];
                builder.Append(s.Slack).Append(',').Append(s.Writes).Append(',');
                if (bound.KeyChanges && s.LastKey is { } k) builder.Append(k.Mm).Append('/').Append(k.PageShift).Append('/').Append(k.SegmentShift);
                builder.Append(',');
                // Only what the next flush point can earn matters: the window's distinct ptes, or up to PerFlush of them.
                if (bound.PerFlushDistinct) builder.Append(string.Join(".", s.Window.Order().Select(p => $"{p.Mm}@{p.Addr:x}")));
                else builder.Append(Math.Min(bound.PerFlush, s.Window.Count));
                builder.Append(';');
            }
        }
        return builder.ToString();
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
    /// <param name="TotalsBefore">Counted effects per bound before the op (<see cref="Totals"/>).</param>
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
        public HashSet<(int Mm, ulong Addr)> Window = [];

        public Section Clone() => new()
        {
            Slack = Slack, Emitted = Emitted, Earned = Earned, Writes = Writes, LastKey = LastKey, Window = [.. Window],
        };
    }
}
