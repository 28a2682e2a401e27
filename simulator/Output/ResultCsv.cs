using LazyMmuGen.Runtime;
using LazyMmuGen.Simulator.Costs;

namespace LazyMmuGen.Simulator.Output;

/// <summary>RFC 4180 csv: one row per (arch, workload, mode), one column per effect and per base-work item, zeros included.</summary>
public static class ResultCsv
{
    /// <summary>The columns: every declared effect kind and base-work item (<see cref="CostEntry.All"/>), in output order.</summary>
    public static IReadOnlyList<string> Header => ["arch", "workload", "size", "mode", "cycles", "vs_eager", .. CostEntry.All.Select(e => e.Name), "notes"];

    public static void Write(IReadOnlyList<SimulationResult> results, TextWriter output)
    {
        var entries = CostEntry.All;
        output.WriteLine(string.Join(",", ["arch", "workload", "size", "mode", "cycles", "vs_eager", .. entries.Select(e => e.Name), "notes"]));
        foreach (var r in results)
        {
            string[] cells =
            [
                r.Arch, r.Workload, r.Size.ToString(), r.Mode.Name(),
                r.Cycles is double c ? Numbers.Raw(c) : "", r.VsEager is double v ? Numbers.Raw(v) : "",
                .. entries.Select(e => e.CountIn(r.Effects, r.Work).ToString()),
                string.Join("; ", r.Notes),
            ];
            output.WriteLine(string.Join(",", cells.Select(Quote)));
        }
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";
}
