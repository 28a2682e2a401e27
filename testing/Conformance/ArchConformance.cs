using LazyMmuGen.Checker;
using LazyMmuGen.Checker.Explorer;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Testing;

/// <summary>
/// The contract checks every arch must pass, one arch at a time. Each returns null when the arch conforms and
/// otherwise says what broke and how to reproduce it with the lazymmu tool. <see cref="ArchConformanceTests"/>
/// runs them over a whole registry as xunit tests.
/// </summary>
public static class ArchConformance
{
    /// <summary>The seed's summary trace (docs/contract.md §4): callbacks and counters after each op.</summary>
    /// <param name="arch">The arch to run.</param>
    public static string? SummaryTrace(ArchInfo arch)
    {
        var rows = new TraceRunner(arch.CreateMachine(MachineOptions.Default)).Run(OpScript.Parse(SeedSummary.Script)).ToList();
        return SeedSummary.Check(rows, arch) is { } problem
            ? $"the summary trace differs: {problem}; the arch's trace:\n{Rows(rows)}  reproduce: {Reproduce(arch, SeedSummary.Script)}"
            : null;
    }

    /// <summary>
    /// Every row of <see cref="ContractTable"/>, each op checked against the checker's contract oracle (callbacks,
    /// counters of every task, warn-once, is_active, and the guarantees on pending writes). A row that breaks exactly
    /// the property the arch declares in 'expected-violation:' passes.
    /// </summary>
    /// <param name="arch">The arch to run.</param>
    public static string? ContractTableRows(ArchInfo arch)
    {
        var problems = new List<string>();
        foreach (var row in ContractTable.Rows)
        {
            // The replay the checker and `trace --check` make: one home for what is checked after each op.
            var broken = ModelChecker.Replay(arch, GenericRevision.Final, OpScript.Parse(row.Script));
            if (broken is not null && broken.Property != arch.ExpectedViolation?.Property)
                problems.Add($"row \"{row.Name}\": op {broken.Ops.Count} ({broken.Ops[^1]}) breaks '{broken.Property}': {broken.Detail}\n  reproduce: {Reproduce(arch, broken.Script)}");
        }
        return problems.Count == 0 ? null : string.Join("\n", problems);
    }

    /// <summary>
    /// The model check to <paramref name="depth"/> (every op sequence of the arch's alphabet): passes, or, for an
    /// arch that declares 'expected-violation:', finds exactly that property broken.
    /// </summary>
    /// <param name="arch">The arch to check.</param>
    /// <param name="depth">The longest op sequence to explore (1..32; 4 takes well under a second per arch).</param>
    public static string? ModelCheck(ArchInfo arch, int depth)
    {
        var result = ModelChecker.Check(arch, new CheckOptions { Depth = depth });
        var expected = arch.ExpectedViolation;
        var found = result.Violation;
        if (found is null)
        {
            return expected is null ? null
                : $"the descriptor declares expected-violation '{expected.Property}' ({expected.Reason}), but the model check passes at depth {depth}: " +
                  "check deeper if the violation needs a longer op sequence, or remove 'expected-violation:' from the descriptor";
        }
        if (found.Property == expected?.Property) return null;
        var declared = expected is null ? "" : $" (the descriptor declares expected-violation '{expected.Property}' instead)";
        return $"the model check at depth {depth} finds '{found.Property}' broken{declared}: {found.Detail}\n" +
               $"  counterexample: {found.Script}\n  reproduce: {Reproduce(arch, found.Script)}";
    }

    /// <summary>The tool command that shows <paramref name="script"/> on <paramref name="arch"/>, op by op, with the checker's verdict.</summary>
    /// <param name="arch">The arch.</param>
    /// <param name="script">An op script.</param>
    public static string Reproduce(ArchInfo arch, string script) => $"lazymmu trace --arch {arch.Name} --ops \"{script}\" --check";

    private static string Rows(IEnumerable<TraceRow> rows) =>
        string.Concat(rows.Select(r => $"    {r.Op,-8} [{string.Join(",", r.Callbacks)}] enable={r.EnableCount} pause={r.PauseCount} active={r.Active}\n"));
}
