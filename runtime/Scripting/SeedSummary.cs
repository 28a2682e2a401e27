namespace LazyMmuGen.Runtime.Scripting;

/// <summary>The seed's summary trace (docs/contract.md §4), which every arch must reproduce.</summary>
public static class SeedSummary
{
    /// <summary>The trace as a script: two nested enables, a pause and resume inside, two disables.</summary>
    public const string Script = "enable;enable;pause;resume;disable;disable";

    /// <summary>Null when the rows match the contract for this arch, otherwise the first difference.</summary>
    /// <param name="rows">The rows of running <see cref="Script"/> on a fresh machine of <paramref name="arch"/>.</param>
    /// <param name="arch">The arch (whether it has distinct pause/resume, whether it opts in).</param>
    public static string? Check(IReadOnlyList<TraceRow> rows, ArchInfo arch) =>
        Check(rows, arch.HasDistinctPauseResume, arch.HasLazyMmuMode);

    /// <summary>
    /// Null when the rows match the contract, otherwise the first difference. An arch that does not opt in
    /// runs the kernel's empty stubs: no callback, counters stay 0, never active.
    /// </summary>
    /// <param name="rows">The rows of running <see cref="Script"/> on a fresh machine.</param>
    /// <param name="distinctPauseResume">True when pause and resume call the arch's own pause and resume instead of leave and enter.</param>
    /// <param name="hasLazyMmuMode">False for an arch that does not opt in.</param>
    public static string? Check(IReadOnlyList<TraceRow> rows, bool distinctPauseResume, bool hasLazyMmuMode = true)
    {
        if (!hasLazyMmuMode) return CheckStubs(rows);
        var pause = distinctPauseResume ? ArchCallback.Pause : ArchCallback.Leave;
        var resume = distinctPauseResume ? ArchCallback.Resume : ArchCallback.Enter;
        (ArchCallback[] Calls, byte Enable, byte Pause, bool Active)[] expected =
        [
            ([ArchCallback.Enter], 1, 0, true),
            ([], 2, 0, true),
            ([pause], 2, 1, false),
            ([resume], 2, 0, true),
            ([ArchCallback.Flush], 1, 0, true),
            ([ArchCallback.Leave], 0, 0, false),
        ];
        if (rows.Count != expected.Length) return $"expected {expected.Length} rows, got {rows.Count}";
        for (var i = 0; i < rows.Count; i++)
        {
            var (calls, enable, pauseCount, active) = expected[i];
            var row = rows[i];
            if (!row.Callbacks.SequenceEqual(calls) || row.EnableCount != enable || row.PauseCount != pauseCount || row.Active != active)
                return $"row {i + 1} ({row.Op}): expected [{string.Join(",", calls)}] enable={enable} pause={pauseCount} active={active}";
        }
        return null;
    }

    private static string? CheckStubs(IReadOnlyList<TraceRow> rows)
    {
        var ops = Script.Split(';');
        if (rows.Count != ops.Length) return $"expected {ops.Length} rows, got {rows.Count}";
        foreach (var row in rows)
        {
            if (row.Callbacks.Count > 0 || row.EnableCount != 0 || row.PauseCount != 0 || row.Active)
                return $"row {row.Op}: an arch that does not opt in expects no callback, enable=0 pause=0 active=False";
        }
        return null;
    }
}
