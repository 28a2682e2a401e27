using System.Globalization;
using System.Text;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace LazyMmuGen.Simulator.Output;

/// <summary>
/// The `--format svg` chart, drawn with ScottPlot: one panel per workload, one group per arch, one bar per mode,
/// estimated cycles on a log10 axis shared by every panel, each lazy bar labelled with its cost relative to eager, a
/// red BUG where a run stopped. The SVG carries the table it is drawn from (<see cref="Data"/>).
/// </summary>
public static class ResultChart
{
    /// <summary>The layout grid: the header is one unit high, a panel <see cref="PanelUnits"/>.</summary>
    private const int Width = 1280, Unit = 85, PanelUnits = 4, Columns = 2;

    private static string Hex(SimMode mode) => mode switch
    {
        SimMode.Eager => "#999999",
        SimMode.Legacy => "#E69F00",
        SimMode.Final => "#0072B2",
        SimMode.V2 => "#CC79A7",
        _ => "#009E73",
    };

    /// <summary>What the chart shows, one line per bar, in drawing order: the numbers a test compares exactly.</summary>
    public static string Data(IReadOnlyList<SimulationResult> results)
    {
        var text = new StringBuilder("workload,arch,mode,cycles,vs_eager,label\n");
        foreach (var workload in Workloads(results))
        {
            foreach (var arch in Arches(results))
            {
                foreach (var mode in Modes(results))
                {
                    if (Find(results, workload, arch, mode) is not { } r) continue;
                    text.Append(CultureInfo.InvariantCulture, $"{workload},{arch},{mode.Name()},{(r.Cycles is double c ? Numbers.Raw(c) : "")},{(r.VsEager is double v ? Numbers.Raw(v) : "")},{Label(r)}\n");
                }
            }
        }
        return text.ToString();
    }

    public static string Render(IReadOnlyList<SimulationResult> results)
    {
        var workloads = Workloads(results);
        var rows = (workloads.Count + Columns - 1) / Columns;
        var gridRows = 1 + rows * PanelUnits;
        var (minDecade, maxDecade) = Decades(results);
        var size = results.Count > 0 ? results[0].Size : 0;
        var title = $"lazymmu simulate: estimated cycles (log scale), {size} ptes per workload";

        var multiplot = new Multiplot();
        var layout = new ScottPlot.MultiplotLayouts.CustomGrid();
        var header = Header(title, Modes(results));
        multiplot.AddPlot(header);
        layout.Set(header, new GridCell(0, 0, gridRows, Columns, 1, Columns));
        for (var p = 0; p < workloads.Count; p++)
        {
            var panel = Panel(workloads[p], results, minDecade, maxDecade);
            multiplot.AddPlot(panel);
            layout.Set(panel, new GridCell(1 + p / Columns * PanelUnits, p % Columns, gridRows, Columns, PanelUnits, 1));
        }
        multiplot.Layout = layout;
        return ChartSvg.Render(Width, gridRows * Unit, title, Data(results), (canvas, rect) => multiplot.Render(canvas, rect));
    }

    private static Plot Header(string title, IReadOnlyList<SimMode> modes)
    {
        var plot = new Plot();
        ChartSvg.Style(plot);
        plot.HideAxesAndGrid();
        plot.Layout.Frameless();
        plot.Axes.SetLimits(0, 1, 0, 1);
        var heading = ChartSvg.Text(plot, title, 0.012, 0.93, 16, Colors.Black);
        heading.LabelBold = true;
        heading.LabelAlignment = Alignment.UpperLeft;
        var note = ChartSvg.Text(plot, "Lower is better. The number over a bar is its cost relative to eager (no lazy MMU mode). "
            + "! = the run left something wrong, BUG = it stopped (the table says what).", 0.012, 0.66, 12, Colors.DimGray);
        note.LabelAlignment = Alignment.UpperLeft;
        plot.ShowLegend(modes.Select(m => new LegendItem { LabelText = m.Name(), FillColor = ChartSvg.Colour(Hex(m)), LabelFontName = ChartSvg.Font }), Alignment.LowerLeft);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.FontSize = 12;
        return plot;
    }

    private static Plot Panel(string workload, IReadOnlyList<SimulationResult> results, int minDecade, int maxDecade)
    {
        var plot = new Plot();
        ChartSvg.Style(plot);
        plot.Title(workload, 14);
        plot.YLabel("cycles", 11);
        var arches = Arches(results);
        var modes = Modes(results);
        var groupWidth = modes.Count + 1;
        var bars = new List<Bar>();
        for (var g = 0; g < arches.Count; g++)
        {
            for (var b = 0; b < modes.Count; b++)
            {
                if (Find(results, workload, arches[g], modes[b]) is not { } r) continue;
                var x = g * groupWidth + b;
                if (r.Failed)
                {
                    var bug = ChartSvg.Text(plot, Label(r), x, minDecade, 9, Colors.Red.Darken(0.25));
                    bug.LabelRotation = -90;
                    bug.LabelAlignment = Alignment.MiddleLeft;
                    bug.LabelOffsetY = -3;
                    continue;
                }
                var top = Math.Max(minDecade, Math.Log10(Math.Max(r.Cycles!.Value, double.Epsilon)));
                bars.Add(new Bar { Position = x, Value = top, ValueBase = minDecade, Size = 0.9, FillColor = ChartSvg.Colour(Hex(r.Mode)), LineWidth = 0 });
                if (r.Mode == SimMode.Eager) continue;
                var label = ChartSvg.Text(plot, Label(r), x, top, 8, Colors.Black);
                label.LabelRotation = -90;
                label.LabelAlignment = Alignment.MiddleLeft;
                label.LabelOffsetY = -2;
            }
        }
        plot.Add.Bars(bars);
        var xTicks = new NumericManual();
        for (var g = 0; g < arches.Count; g++) xTicks.AddMajor(g * groupWidth + (modes.Count - 1) / 2.0, arches[g]);
        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        // Room for the rotated arch names, which ScottPlot does not measure rotated.
        plot.Axes.Bottom.MinimumSize = 80;
        var yTicks = new NumericManual();
        for (var d = minDecade; d <= maxDecade; d++)
        {
            yTicks.AddMajor(d, Numbers.Short(Math.Pow(10, d)));
            if (d < maxDecade) foreach (var m in new[] { 2, 3, 4, 5, 6, 7, 8, 9 }) yTicks.AddMinor(d + Math.Log10(m));
        }
        plot.Axes.Left.TickGenerator = yTicks;
        plot.Axes.Left.TickLabelStyle.FontSize = 10;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.SetLimits(-0.8, arches.Count * groupWidth - 1.2, minDecade, maxDecade + 0.5);
        return plot;
    }

    private static string Label(SimulationResult r) =>
        r.Failed ? r.Notes.FirstOrDefault()?.Split(':')[0] ?? "failed"
        : r.Mode == SimMode.Eager ? "" : Numbers.ShortRatio(r.VsEager) + (r.Notes.Count > 0 ? "!" : "");

    /// <summary>Whole decades covering every completed run's cycles (at least one decade).</summary>
    private static (int Min, int Max) Decades(IReadOnlyList<SimulationResult> results)
    {
        var positive = results.Where(r => r.Cycles is > 0).Select(r => r.Cycles!.Value).DefaultIfEmpty(1).ToArray();
        var min = (int)Math.Floor(Math.Log10(positive.Min()));
        return (min, Math.Max(min + 1, (int)Math.Ceiling(Math.Log10(positive.Max()))));
    }

    private static SimulationResult? Find(IReadOnlyList<SimulationResult> results, string workload, string arch, SimMode mode) =>
        results.FirstOrDefault(r => r.Workload == workload && r.Arch == arch && r.Mode == mode);

    private static IReadOnlyList<string> Workloads(IReadOnlyList<SimulationResult> results) => results.Select(r => r.Workload).Distinct().ToList();

    private static IReadOnlyList<string> Arches(IReadOnlyList<SimulationResult> results) => results.Select(r => r.Arch).Distinct().ToList();

    private static IReadOnlyList<SimMode> Modes(IReadOnlyList<SimulationResult> results) => results.Select(r => r.Mode).Distinct().Order().ToList();
}
