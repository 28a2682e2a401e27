using System.Globalization;
using System.Text;
using System.Text.Json;
using LazyMmuGen.Runtime.Reporting;
using LazyMmuGen.Simulator.Costs;
using LazyMmuGen.Simulator.Output;

namespace LazyMmuGen.Simulator.Calibration;

/// <summary>What `lazymmu simulate --calibration` prints: the published table beside the model's numbers.</summary>
public static class CalibrationReport
{
    public static IReadOnlyList<string> Formats { get; } = ["table", "json", "jsonl", "csv", "svg"];

    public static void Write(string format, IReadOnlyList<CalibrationResult> results, TextWriter output)
    {
        switch (format)
        {
            case "table": Table(results, output); break;
            case "json" or "jsonl": JsonDocuments.Write(format, results.SelectMany(r => r.Rows.Select(row => Json(r, row))), output); break;
            case "csv": Csv(results, output); break;
            case "svg": output.Write(CalibrationChart.Render(results) + "\n"); break;
            default: throw new ArgumentException($"unknown format '{format}'", nameof(format));
        }
    }

    public static void Table(IReadOnlyList<CalibrationResult> results, TextWriter output)
    {
        foreach (var group in results.GroupBy(r => (r.Spec.Workload, r.Spec.Arch, r.Spec.Baseline, r.Spec.Mode)))
        {
            var (workload, arch, baseline, mode) = group.Key;
            output.WriteLine($"calibration: {workload} on {arch}, the change in time per call of {mode.Name()} against {baseline.Name()}: the model beside the measurement");
            foreach (var r in group) output.WriteLine($"{r.Profile.Name} measured: {r.Spec.Source}");
        }
        output.WriteLine();
        var table = new TextTable("profile", "machine", "p", "size is", "measured", "model", "residual");
        foreach (var r in results)
        {
            foreach (var row in r.Rows)
                table.Add(r.Profile.Name, r.Spec.Machine, row.Size.ToString(CultureInfo.InvariantCulture), row.Fitted ? "fitted" : "predicted",
                    Percent(row.Measured), Percent(row.Model), Points(row.Residual));
        }
        output.Write(table.ToString());
        output.WriteLine("residual: model minus measured, in percentage points; 'fitted' sizes set the free parameters, 'predicted' sizes are held out.");
        output.WriteLine();

        foreach (var group in results.GroupBy(r => string.Join(", ", r.Spec.Free.Select(e => e.Name))))
        {
            var first = group.First();
            var fixedEntries = CostEntry.All.Where(e => !first.Spec.Free.Contains(e) && first.Table[e] > 0 && HasCount(first, e)).ToList();
            output.WriteLine($"free parameters (cycles), fitted by least squares on p = {string.Join(", ", first.Spec.FitSizes)} only; fixed: "
                + string.Join(", ", fixedEntries.Select(e => $"{e.Name} {Number(first.Table[e])}")) + ":");
            // "profile file": whether the stored values are this fit (they differ when the file is stale, or --costs
            // changed a fixed price the fit depends on).
            var parameters = new TextTable(["profile", .. first.Spec.Free.Select(e => e.Name), "profile file"]);
            foreach (var r in group)
            {
                parameters.Add([r.Profile.Name, .. r.Stored.Select(Number),
                    r.StoredIsCurrent ? "matches this fit" : "DIFFERS: this fit gives " + string.Join(", ", r.Fitted.Select(v => Number(Math.Round(v, CalibrationResult.StoredDecimals))))]);
            }
            output.Write(parameters.ToString());
        }
        output.WriteLine();
        output.WriteLine($"held out (predicted), target: within {Number(CalibrationResult.TargetPoints)} points of the measurement:");
        foreach (var r in results)
        {
            var worst = r.Predicted.OrderByDescending(row => Math.Abs(row.Residual)).FirstOrDefault();
            if (worst is null) { output.WriteLine($"  {r.Profile.Name}: no held-out size"); continue; }
            var verdict = Math.Abs(worst.Residual) <= CalibrationResult.TargetPoints ? "within target" : $"MISSES the target by {Points(Math.Abs(worst.Residual) - CalibrationResult.TargetPoints).TrimStart('+')} points";
            output.WriteLine($"  {r.Profile.Name}: worst {Points(Math.Abs(worst.Residual)).TrimStart('+')} points at p = {worst.Size} "
                + $"(held out: {string.Join(", ", r.Predicted.Select(row => $"p = {row.Size} {Points(row.Residual)}"))}): {verdict}");
        }
    }

    /// <summary>Whether the workload ever counts <paramref name="entry"/> at the measured sizes (only those entries are "fixed" in the fit).</summary>
    private static bool HasCount(CalibrationResult r, CostEntry entry)
    {
        var workload = CalibrationFit.Workload(r.Spec);
        return r.Spec.FitSizes.Any(size =>
            new[] { r.Spec.Baseline, r.Spec.Mode }.Any(mode =>
            {
                var run = SimulationRunner.RunOne(r.Arch, workload, mode, size, r.Table, null);
                return entry.CountIn(run.Effects, run.Work) != 0;
            }));
    }

    private static void Csv(IReadOnlyList<CalibrationResult> results, TextWriter output)
    {
        output.WriteLine("profile,machine,size,fitted,measured_percent,model_percent,residual_points");
        foreach (var r in results)
        {
            foreach (var row in r.Rows)
                output.WriteLine(string.Join(",", r.Profile.Name, r.Spec.Machine, row.Size, row.Fitted ? "true" : "false",
                    Numbers.Raw(row.Measured), Numbers.Raw(row.Model), Numbers.Raw(row.Residual)));
        }
    }

    private static string Json(CalibrationResult r, CalibrationRow row)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("profile", r.Profile.Name);
            json.WriteString("machine", r.Spec.Machine);
            json.WriteNumber("size", row.Size);
            json.WriteBoolean("fitted", row.Fitted);
            json.WriteNumber("measured_percent", row.Measured);
            json.WriteNumber("model_percent", row.Model);
            json.WriteNumber("residual_points", row.Residual);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>+2.14 %, -31.96 %.</summary>
    public static string Percent(double value) => Points(value) + " %";

    /// <summary>+0.00, -2.72 (percentage points).</summary>
    public static string Points(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("+0.00;-0.00;+0.00", CultureInfo.InvariantCulture);
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
