using LazyMmuGen.Runtime;
using LazyMmuGen.Simulator.Costs;

namespace LazyMmuGen.Simulator.Output;

/// <summary>RFC 4180 csv: one row per (arch, workload, mode), one column per effect and per base-work item, zeros included.</summary>
public static class ResultCsv
{
    public static IReadOnlyList<string> Header { get; } =
        ["arch", "workload", "size", "mode", "cycles", "vs_eager", .. EffectNames.All.Select(EffectNames.Of), .. BaseWorkNames.All.Select(BaseWorkNames.Of), "notes"];

    public static void Write(IReadOnlyList<SimulationResult> results, TextWriter output)
    {
        output.WriteLine(string.Join(",", Header));
        foreach (var r in results)
        {
            string[] cells =
            [
                r.Arch, r.Workload, r.Size.ToString(), r.Mode.Name(),
                r.Cycles is double c ? Numbers.Raw(c) : "", r.VsEager is double v ? Numbers.Raw(v) : "",
                .. EffectNames.All.Select(e => r.Effects[e].ToString()),
                .. BaseWorkNames.All.Select(w => r.Work[w].ToString()),
                string.Join("; ", r.Notes),
            ];
            output.WriteLine(string.Join(",", cells.Select(Quote)));
        }
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";
}
