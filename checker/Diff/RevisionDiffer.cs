using LazyMmuGen.Checker.Explorer;
using System.Text;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker.Diff;

/// <summary>
/// Runs two revisions of the generic layer side by side over every op sequence up to a depth and
/// reports, per kind of difference, the shortest sequence whose observable behaviour differs
/// (callbacks, counters, is_active, warnings, pending writes). The kind names the situation in the
/// left revision, e.g. "enable-while-paused" or "nested-pause".
/// </summary>
public static class RevisionDiffer
{
    /// <summary>The default ops: the four API calls, a pte write, an interrupt, and switches between tasks 1 and 2.</summary>
    public static readonly IReadOnlyList<string> Alphabet =
        ["enable", "disable", "pause", "resume", "set_pte", "irq_enter", "irq_exit", "switch(task=2)", "switch(task=1)"];

    /// <summary>Every kind of difference between two revisions on one arch, each with its shortest example.</summary>
    /// <param name="arch">The arch both machines run.</param>
    /// <param name="left">One revision (the kinds name its situations), e.g. <see cref="GenericRevision.V3"/>.</param>
    /// <param name="right">The other, e.g. <see cref="GenericRevision.Final"/>.</param>
    /// <param name="depth">The longest op sequence tried.</param>
    /// <param name="alphabet">Ops in trace-script syntax; null means <see cref="Alphabet"/>.</param>
    /// <returns>The differences, shortest first, then by kind; empty when the revisions agree up to <paramref name="depth"/>.</returns>
    /// <exception cref="ScriptException">An op of <paramref name="alphabet"/> does not parse.</exception>
    public static IReadOnlyList<Difference> Diff(ArchInfo arch, GenericRevision left, GenericRevision right, int depth, IReadOnlyList<string>? alphabet = null)
    {
        var ops = (alphabet ?? Alphabet).Select(t => OpScript.Parse(t).Single()).ToArray();
        var found = new Dictionary<string, Difference>();
        var seen = new StateSet();
        var frontier = new List<ScriptOp[]> { Array.Empty<ScriptOp>() };
        for (var d = 1; d <= depth && frontier.Count > 0; d++)
        {
            var next = new List<ScriptOp[]>();
            foreach (var prefix in frontier)
            {
                foreach (var op in ops)
                {
                    var a = Replay(arch, left, prefix, out var runA);
                    var b = Replay(arch, right, prefix, out var runB);
                    var before = a.CurrentState;
                    var kind = Kind(op.Name, before.EnableCount, before.PauseCount, a.InInterrupt);
                    var rowA = runA.Step(op);
                    var rowB = runB.Step(op);
                    ScriptOp[] sequence = [.. prefix, op];
                    var aspect = Compare(rowA, rowB);
                    if (aspect is not null)
                    {
                        var key = kind + ": " + aspect;
                        if (!found.ContainsKey(key))
                            found[key] = new Difference(kind, aspect, sequence.Select(o => o.Text).ToArray(), Describe(rowA), Describe(rowB)) { LeftRow = rowA, RightRow = rowB };
                        continue;
                    }
                    if (seen.Add(Key(a, b))) next.Add(sequence);
                }
            }
            frontier = next;
        }
        return found.Values.OrderBy(f => f.Ops.Count).ThenBy(f => f.Kind, StringComparer.Ordinal).ToList();
    }

    private static MachineCore Replay(ArchInfo arch, GenericRevision revision, ScriptOp[] prefix, out TraceRunner runner)
    {
        var machine = arch.CreateMachine(Explorer.Machines.For(revision));
        runner = new TraceRunner(machine);
        foreach (var op in prefix) runner.Step(op);
        return machine;
    }

    private static string Kind(string op, int enable, int pause, bool irq)
    {
        if (irq) return op + "-in-interrupt";
        return (op, enable, pause) switch
        {
            ("pause", _, > 0) => "nested-pause",
            ("resume", _, > 1) => "nested-resume",
            ("resume", _, 0) => "resume-without-pause",
            (_, _, > 0) => op + "-while-paused",
            ("disable", 0, _) => "disable-outside-section",
            (_, > 1, _) => op + "-nested",
            (_, 1, _) => op + "-in-section",
            _ => op + "-outside-section",
        };
    }

    private static string? Compare(TraceRow a, TraceRow b)
    {
        var aspects = new List<string>();
        if (!a.Callbacks.SequenceEqual(b.Callbacks)) aspects.Add("callbacks");
        if (a.Active != b.Active) aspects.Add("active");
        if (a.Warnings.Count != b.Warnings.Count) aspects.Add("warnings");
        if (a.Pending != b.Pending) aspects.Add("pending");
        if (!a.Effects.ToString().Equals(b.Effects.ToString(), StringComparison.Ordinal)) aspects.Add("effects");
        if ((a.Error is null) != (b.Error is null)) aspects.Add("errors");
        return aspects.Count == 0 ? null : string.Join("+", aspects);
    }

    // As trace writes them (active yes/no), and with the error when the op had one: "errors" is an aspect that differs.
    private static string Describe(TraceRow row) =>
        $"callbacks=[{string.Join(",", row.Callbacks.Select(CallbackLog.Name))}] active={(row.Active ? "yes" : "no")} warnings={row.Warnings.Count} pending={row.Pending} effects={{{row.Effects}}}"
        + (row.Error is null ? "" : $" error={row.Error}");

    private static StateKey Key(MachineCore a, MachineCore b)
    {
        var writer = new StateWriter();
        a.WriteState(writer);
        b.WriteState(writer);
        return StateKey.Of(writer.Bytes);
    }
}
