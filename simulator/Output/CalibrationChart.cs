using System.Globalization;
using System.Text;
using LazyMmuGen.Simulator.Calibration;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace LazyMmuGen.Simulator.Output;

/// <summary>
/// The calibration chart (`simulate --calibration --format svg`, docs/simulate-calibration.svg), drawn with ScottPlot:
/// per calibrated profile, the model's change in time per call over pages per call (a curve), the published
/// measurement at the sizes the fit used (filled circles) and at the held-out sizes it predicts (open diamonds, each
/// with its residual). The SVG carries the table it is drawn from (<see cref="Data"/>).
/// </summary>
public static class CalibrationChart
{
    private const int Width = 960, Height = 600;

    private static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"];

    /// <summary>The sizes the model curve is evaluated at: 8 per doubling up to the largest measured size, plus each measured size and the size after each section boundary.</summary>
    public static IReadOnlyList<int> CurveSizes(CalibrationResult r)
    {
        var largest = r.Rows.Max(row => row.Size);
        var sizes = new SortedSet<int>(r.Rows.Select(row => row.Size));
        for (var k = 0; Math.Pow(2, k / 8.0) <= largest; k++) sizes.Add((int)Math.Round(Math.Pow(2, k / 8.0)));
        for (var boundary = Workloads.PageWalk.TablePtes; boundary < largest; boundary += Workloads.PageWalk.TablePtes)
        {
            sizes.Add(boundary);
            sizes.Add(boundary + 1);
        }
        return [.. sizes];
    }

    /// <summary>What the chart shows: every measured point and every point of each model curve.</summary>
    public static string Data(IReadOnlyList<CalibrationResult> results) => Data(results, results.Select(Curve).ToList());

    public static string Render(IReadOnlyList<CalibrationResult> results)
    {
        var curves = results.Select(Curve).ToList();
        var title = "test-vmalloc-fix-size on arm64: the model's change in time per call against the published one";
        if (results.Count > 0) title = $"{results[0].Spec.Workload} on {results[0].Spec.Arch}, {results[0].Spec.Mode.Name()} against {results[0].Spec.Baseline.Name()}: the model's change in time per call against the published one";
        var plot = new Plot();
        ChartSvg.Style(plot);
        plot.Title(title, 13);
        plot.XLabel("p: pages per vmalloc() call (log scale)", 12);
        plot.YLabel("change in time per call (%)", 12);
        var zero = plot.Add.HorizontalLine(0);
        zero.LineColor = Colors.Gray;
        zero.LineWidth = 1;
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var colour = ChartSvg.Colour(Palette[i % Palette.Length]);
            var machine = r.Spec.Machine;
            var line = plot.Add.ScatterLine(curves[i].Select(c => Math.Log2(c.Size)).ToArray(), curves[i].Select(c => c.Change).ToArray(), colour);
            line.LineWidth = 2;
            line.LegendText = $"{machine}: model ({r.Profile.Name})";
            var fitted = r.Rows.Where(row => row.Fitted).ToList();
            var held = r.Rows.Where(row => !row.Fitted).ToList();
            var fit = plot.Add.ScatterPoints(fitted.Select(row => Math.Log2(row.Size)).ToArray(), fitted.Select(row => row.Measured).ToArray(), colour);
            fit.MarkerShape = MarkerShape.FilledCircle;
            fit.MarkerSize = 9;
            fit.LegendText = $"{machine}: measured, fitted (p = {string.Join(", ", fitted.Select(row => row.Size))})";
            var predicted = plot.Add.ScatterPoints(held.Select(row => Math.Log2(row.Size)).ToArray(), held.Select(row => row.Measured).ToArray(), colour);
            predicted.MarkerShape = MarkerShape.OpenDiamond;
            predicted.MarkerSize = 12;
            predicted.MarkerLineWidth = 2;
            predicted.LegendText = $"{machine}: measured, held out (p = {string.Join(", ", held.Select(row => row.Size))})";
            foreach (var row in held)
            {
                var residual = ChartSvg.Text(plot, CalibrationReport.Points(row.Residual), Math.Log2(row.Size), row.Measured, 10, colour);
                residual.LabelAlignment = Alignment.MiddleLeft;
                residual.LabelOffsetX = 9;
            }
        }
        var largest = results.SelectMany(r => r.Rows).Select(row => row.Size).DefaultIfEmpty(512).Max();
        var ticks = new NumericManual();
        for (var p = 1; p <= largest; p *= 2) ticks.AddMajor(Math.Log2(p), p.ToString(CultureInfo.InvariantCulture));
        plot.Axes.Bottom.TickGenerator = ticks;
        var values = results.SelectMany(r => r.Rows.SelectMany(row => new[] { row.Measured, row.Model })).Concat(curves.SelectMany(c => c.Select(p => p.Change))).DefaultIfEmpty(0).ToList();
        plot.Axes.SetLimits(-0.3, Math.Log2(largest) + 0.6, Math.Floor(values.Min() / 5) * 5 - 2, Math.Max(5, Math.Ceiling(values.Max() / 5) * 5));
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Legend.FontSize = 11;
        plot.Legend.ShadowColor = Colors.Transparent;
        return ChartSvg.Render(Width, Height, title, Data(results, curves), (canvas, rect) => plot.Render(canvas, rect));
    }

    private static IReadOnlyList<(int Size, double Change)> Curve(CalibrationResult r) => CurveSizes(r).Select(size => (size, r.ModelAt(size))).ToList();

    private static string Data(IReadOnlyList<CalibrationResult> results, IReadOnlyList<IReadOnlyList<(int Size, double Change)>> curves)
    {
        var text = new StringBuilder("profile,machine,series,size,change_percent\n");
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            foreach (var row in r.Rows)
                text.Append(CultureInfo.InvariantCulture, $"{r.Profile.Name},{r.Spec.Machine},{(row.Fitted ? "measured-fitted" : "measured-held-out")},{row.Size},{Numbers.Raw(row.Measured)}\n");
            foreach (var (size, change) in curves[i])
                text.Append(CultureInfo.InvariantCulture, $"{r.Profile.Name},{r.Spec.Machine},model,{size},{Numbers.Raw(Math.Round(change, 6))}\n");
        }
        return text.ToString();
    }
}
