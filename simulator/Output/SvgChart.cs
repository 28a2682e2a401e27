using System.Globalization;
using System.Text;
using System.Xml;

namespace LazyMmuGen.Simulator.Output;

/// <summary>
/// A grouped bar chart by hand: one panel per workload, one group per arch, one bar per mode, estimated
/// cycles on a shared log10 axis, each lazy bar labelled with its cost relative to eager. Bars are the
/// only &lt;rect&gt; elements, and each carries a &lt;title&gt; tooltip.
/// </summary>
public static class SvgChart
{
    private const double Bar = 11, BarGap = 1, GroupGap = 14, PlotHeight = 220;
    private const double PanelLeft = 58, PanelTop = 34, PanelBottom = 78, PanelRight = 16;
    private const double ChartTop = 90, Margin = 16, MinWidth = 680;

    /// <summary>Okabe-Ito colours, readable with colour blindness.</summary>
    private static string Colour(SimMode mode) => mode switch
    {
        SimMode.Eager => "#999999",
        SimMode.Legacy => "#E69F00",
        SimMode.Final => "#0072B2",
        SimMode.V2 => "#CC79A7",
        _ => "#009E73",
    };

    public static string Render(IReadOnlyList<SimulationResult> results)
    {
        var workloads = results.Select(r => r.Workload).Distinct().ToArray();
        var arches = results.Select(r => r.Arch).Distinct().ToArray();
        var modes = results.Select(r => r.Mode).Distinct().Order().ToArray();
        var scale = new LogScale(results.Where(r => !r.Failed).Select(r => r.Cycles!.Value), PlotHeight);
        var groupWidth = modes.Length * (Bar + BarGap) + GroupGap;
        var panelWidth = PanelLeft + arches.Length * groupWidth + PanelRight;
        var panelHeight = PanelTop + PlotHeight + PanelBottom;
        var columns = Math.Min(2, Math.Max(1, workloads.Length));
        var rows = (workloads.Length + columns - 1) / columns;
        var width = Math.Max(MinWidth, Margin * 2 + columns * panelWidth);
        var height = ChartTop + rows * panelHeight + Margin;

        var text = new StringBuilder();
        using (var svg = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, NewLineChars = "\n" }))
        {
            svg.WriteStartElement("svg", "http://www.w3.org/2000/svg");
            Attr(svg, "width", width);
            Attr(svg, "height", height);
            svg.WriteAttributeString("viewBox", $"0 0 {F(width)} {F(height)}");
            svg.WriteAttributeString("font-family", "sans-serif");
            Text(svg, Margin, 24, $"lazymmu simulate: estimated cycles (log scale), {results[0].Size} ptes per workload", 16, weight: "bold");
            Text(svg, Margin, 44, "Lower is better. The number over a bar is its cost relative to eager (no lazy MMU mode).", 12, fill: "#444");
            Text(svg, Margin, 60, "! = the run left something wrong, BUG = it stopped (the table says what).", 12, fill: "#444");
            Legend(svg, modes);
            for (var p = 0; p < workloads.Length; p++)
            {
                var x = Margin + p % columns * panelWidth;
                var y = ChartTop + p / columns * panelHeight;
                Panel(svg, x, y, workloads[p], arches, modes, results, scale, groupWidth);
            }
            svg.WriteEndElement();
        }
        return text.ToString();
    }

    private static void Legend(XmlWriter svg, IReadOnlyList<SimMode> modes)
    {
        var x = Margin;
        foreach (var mode in modes)
        {
            // A path, not a rect: rects are reserved for bars.
            svg.WriteStartElement("path");
            svg.WriteAttributeString("d", $"M{F(x)} 70h12v12h-12z");
            svg.WriteAttributeString("fill", Colour(mode));
            svg.WriteEndElement();
            Text(svg, x + 16, 80, mode.Name(), 12);
            x += 30 + 7 * mode.Name().Length;
        }
    }

    private static void Panel(XmlWriter svg, double x, double y, string workload, IReadOnlyList<string> arches, IReadOnlyList<SimMode> modes,
        IReadOnlyList<SimulationResult> results, LogScale scale, double groupWidth)
    {
        var left = x + PanelLeft;
        var baseline = y + PanelTop + PlotHeight;
        var right = left + arches.Count * groupWidth;
        Text(svg, left, y + 22, workload, 14, weight: "bold");
        foreach (var tick in scale.Ticks)
        {
            var ty = baseline - scale.Map(tick);
            Line(svg, left, ty, right, ty, "#dddddd");
            Text(svg, left - 6, ty + 4, Numbers.Short(tick), 10, anchor: "end", fill: "#444");
        }
        Line(svg, left, baseline, right, baseline, "#333333");
        Text(svg, x + 14, baseline - PlotHeight / 2, "cycles", 11, anchor: "middle", fill: "#444", rotate: -90);
        for (var g = 0; g < arches.Count; g++)
        {
            var gx = left + g * groupWidth + GroupGap / 2;
            for (var b = 0; b < modes.Count; b++)
            {
                var r = results.FirstOrDefault(r => r.Arch == arches[g] && r.Workload == workload && r.Mode == modes[b]);
                if (r is not null) BarFor(svg, gx + b * (Bar + BarGap), baseline, r, scale);
            }
            var cx = gx + modes.Count * (Bar + BarGap) / 2;
            Text(svg, cx, baseline + 14, arches[g], 11, anchor: "end", rotate: -35, pivotX: cx, pivotY: baseline + 10);
        }
    }

    private static void BarFor(XmlWriter svg, double x, double baseline, SimulationResult r, LogScale scale)
    {
        var label = $"{r.Arch} {r.Workload} {r.Mode.Name()}: ";
        if (r.Failed)
        {
            // No bar for a run that stopped: a red mark where it would stand.
            Text(svg, x + Bar / 2 + 3, baseline - 4, r.Notes.FirstOrDefault()?.Split(':')[0] ?? "failed", 9, fill: "#C00000", rotate: -90);
            return;
        }
        var h = scale.Map(r.Cycles!.Value);
        svg.WriteStartElement("rect");
        Attr(svg, "x", x);
        Attr(svg, "y", baseline - h);
        Attr(svg, "width", Bar);
        Attr(svg, "height", h);
        svg.WriteAttributeString("fill", Colour(r.Mode));
        svg.WriteElementString("title", label + $"{Numbers.Cycles(r.Cycles)} cycles, {Numbers.Ratio(r.VsEager)} of eager" +
            (r.Notes.Count > 0 ? " (" + string.Join("; ", r.Notes) + ")" : ""));
        svg.WriteEndElement();
        if (r.Mode != SimMode.Eager)
            Text(svg, x + Bar / 2 + 3, baseline - h - 3, Numbers.ShortRatio(r.VsEager) + (r.Notes.Count > 0 ? "!" : ""), 8, fill: "#222", rotate: -90);
    }

    private static void Line(XmlWriter svg, double x1, double y1, double x2, double y2, string stroke)
    {
        svg.WriteStartElement("line");
        Attr(svg, "x1", x1);
        Attr(svg, "y1", y1);
        Attr(svg, "x2", x2);
        Attr(svg, "y2", y2);
        svg.WriteAttributeString("stroke", stroke);
        svg.WriteEndElement();
    }

    private static void Text(XmlWriter svg, double x, double y, string content, double size, string anchor = "start",
        string weight = "normal", string fill = "#000", double rotate = 0, double? pivotX = null, double? pivotY = null)
    {
        svg.WriteStartElement("text");
        Attr(svg, "x", x);
        Attr(svg, "y", y);
        Attr(svg, "font-size", size);
        if (anchor != "start") svg.WriteAttributeString("text-anchor", anchor);
        if (weight != "normal") svg.WriteAttributeString("font-weight", weight);
        if (fill != "#000") svg.WriteAttributeString("fill", fill);
        if (rotate != 0) svg.WriteAttributeString("transform", $"rotate({F(rotate)} {F(pivotX ?? x)} {F(pivotY ?? y)})");
        svg.WriteString(content);
        svg.WriteEndElement();
    }

    private static void Attr(XmlWriter svg, string name, double value) => svg.WriteAttributeString(name, F(value));

    private static string F(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
