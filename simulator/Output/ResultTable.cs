using LazyMmuGen.Runtime.Reporting;
namespace LazyMmuGen.Simulator.Output;

/// <summary>
/// The table format: one row per (arch, workload, mode) with its effects (and base work, when a workload that models
/// it ran), then a summary with one row per (arch, workload) and, for each mode, the cost relative to eager.
/// </summary>
public static class ResultTable
{
    public static void Write(IReadOnlyList<SimulationResult> results, TextWriter output)
    {
        // The base-work column appears only when a workload that models base work ran (test-vmalloc-fix-size).
        var work = results.Any(r => !r.Work.IsEmpty);
        var detail = new TextTable(["arch", "workload", "size", "mode", "cycles", "vs eager", "effects", .. work ? new[] { "base work" } : [], "notes"]);
        foreach (var r in results)
        {
            detail.Add([r.Arch, r.Workload, r.Size.ToString(), r.Mode.Name(), Numbers.Cycles(r.Cycles), Numbers.Ratio(r.VsEager),
                r.Effects.ToString(), .. work ? new[] { r.Work.ToString() } : [], string.Join("; ", r.Notes)]);
        }
        output.Write(detail.ToString());
        output.WriteLine();
        // Every ratio is against eager, which the runner always runs as the reference; say so when it is not a column.
        var eager = results.Any(r => r.Mode == SimMode.Eager);
        var lazy = results.Any(r => r.Mode != SimMode.Eager);
        output.WriteLine(!lazy ? "summary: estimated cycles for eager (lower is better)"
            : eager ? "summary: estimated cycles for eager, and each lazy mode relative to eager (lower is better)"
            : "summary: each mode relative to eager (run as the reference, not shown; lower is better)");
        WriteSummary(results, output);
    }

    public static void WriteSummary(IReadOnlyList<SimulationResult> results, TextWriter output)
    {
        var modes = results.Select(r => r.Mode).Distinct().Order().ToArray();
        var summary = new TextTable(["arch", "workload", .. modes.Select(m => m == SimMode.Eager ? "eager cycles" : m.Name())]);
        foreach (var group in results.GroupBy(r => (r.Arch, r.Workload)))
        {
            var cells = modes.Select(m => group.FirstOrDefault(r => r.Mode == m) is { } r ? Cell(r) : "");
            summary.Add([group.Key.Arch, group.Key.Workload, .. cells]);
        }
        output.Write(summary.ToString());
    }

    private static string Cell(SimulationResult r) =>
        r.Failed ? r.Notes.FirstOrDefault()?.Split(':')[0] ?? "failed"
        : r.Mode == SimMode.Eager ? Numbers.Cycles(r.Cycles)
        : Numbers.Ratio(r.VsEager) + Change(r) + (r.Notes.Count > 0 ? " (!)" : "");

    /// <summary>For a workload that models base work the ratio is the change in time a user would measure: say it in percent too.</summary>
    private static string Change(SimulationResult r) =>
        r.Work.IsEmpty || r.VsEager is not double v ? "" : " (" + ((v - 1) * 100).ToString("+0.0;-0.0;+0.0", System.Globalization.CultureInfo.InvariantCulture) + " %)";
}
