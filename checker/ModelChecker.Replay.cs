using LazyMmuGen.Checker.Explorer;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker;

public static partial class ModelChecker
{
    /// <summary>
    /// Runs one op sequence with every check the explorer makes after each step (the same <see cref="CheckedRun"/>), so a
    /// counterexample's replay shows its verdict: <c>lazymmu trace --check</c>, which every reproduce line carries. As in
    /// the explorer, an op the machine refuses changes nothing and is skipped, an idle op gets only the checks it can
    /// still break, and once the sequence misuses the API (a warn-once site fired) nothing more is demanded.
    /// </summary>
    /// <param name="arch">The arch.</param>
    /// <param name="revision">The generic layer revision.</param>
    /// <param name="ops">The ops, parsed (<see cref="OpScript.Parse"/>).</param>
    /// <returns>The first broken property, with the ops up to and including the one that broke it; null when all hold.</returns>
    public static Violation? Replay(ArchInfo arch, GenericRevision revision, IReadOnlyList<ScriptOp> ops) => Replay(arch, revision, ops, out _);

    /// <inheritdoc cref="Replay(ArchInfo, GenericRevision, IReadOnlyList{ScriptOp})"/>
    /// <param name="arch">The arch.</param>
    /// <param name="revision">The generic layer revision.</param>
    /// <param name="ops">The ops, parsed.</param>
    /// <param name="judged">
    /// How many ops were judged: all of them, or fewer when the sequence ended early, at a violation or at an op after
    /// a misuse that the machine refused (a dead end: the explorer demands nothing of what follows).
    /// </param>
    public static Violation? Replay(ArchInfo arch, GenericRevision revision, IReadOnlyList<ScriptOp> ops, out int judged)
    {
        var run = new CheckedRun(arch, revision);
        for (var i = 0; i < ops.Count; i++)
        {
            judged = i + 1;
            var op = ops[i];
            if (run.Refuses(op)) continue;
            var broken = run.Idles(op) ? run.IdleCheck() : run.Step(op, check: true);
            if (broken is { } b) return new Violation(arch.Name, b.Property, b.Detail, ops.Take(i + 1).Select(o => o.Text).ToList());
            if (run.DeadEnd) return null;
        }
        judged = ops.Count;
        return null;
    }
}
