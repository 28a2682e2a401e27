using System.Security;
using System.Text;
using ScottPlot;
using SkiaSharp;

namespace LazyMmuGen.Simulator.Output;

/// <summary>
/// Renders ScottPlot plots into one SVG document and stamps it with the data table it was drawn from. The table (in a
/// &lt;desc id="lazymmu-chart-data"&gt; element) is plain text, so a test can compare the chart's numbers exactly
/// whatever fonts the drawing machine has; the rest of the file is ScottPlot's (SkiaSharp's SVG canvas).
/// </summary>
public static partial class ChartSvg
{
    /// <summary>One font for every text, found through fontconfig (fonts-dejavu-core on this machine kind).</summary>
    public const string Font = "DejaVu Sans";

    public const string DataElementId = "lazymmu-chart-data";

    internal static string Render(int width, int height, string title, string data, Action<SKCanvas, PixelRect> draw)
    {
        var rect = new PixelRect(0, width, height, 0);
        // ScottPlot lays a plot out on its first render and draws it again at once; on an SVG canvas both passes
        // would stay in the file, one hidden under the other. So the first render goes to a throwaway raster surface.
        using (var surface = SKSurface.Create(new SKImageInfo(width, height)))
            draw(surface.Canvas, rect);
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            canvas.Clear(SKColors.White);
            draw(canvas, rect);
        }
        var svg = Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n").TrimEnd('\n');
        // SkiaSharp writes glyph positions as "x0, x1, ..., " with a trailing separator, which strict SVG parsers
        // reject as a bad list (and then drop the positions); and no viewBox, without which a scaled-down image is
        // cropped instead of scaled. Both are fixed here, as are the clip ids below; nothing else is touched.
        svg = TrailingSeparator().Replace(svg, "$1\"");
        // Skia numbers clip paths from a counter global to the process, so the second chart a process draws would
        // differ from the first: number them from 1 in the order they appear.
        var clips = new Dictionary<string, string>();
        svg = ClipId().Replace(svg, m => clips.TryGetValue(m.Value, out var id) ? id : clips[m.Value] = $"cl_{clips.Count + 1}");
        var root = svg.IndexOf("<svg", StringComparison.Ordinal);
        var size = $"width=\"{width}\" height=\"{height}\"";
        var at = svg.IndexOf(size, root, StringComparison.Ordinal);
        if (at >= 0) svg = svg[..at] + size + $" viewBox=\"0 0 {width} {height}\"" + svg[(at + size.Length)..];
        // After the root element's start tag: a title for viewers and screen readers, and the data table.
        var rootEnd = svg.IndexOf('>', root) + 1;
        var stamp = $"\n\t<title>{SecurityElement.Escape(title)}</title>\n\t<desc id=\"{DataElementId}\">\n{SecurityElement.Escape(data.Replace("\r\n", "\n").TrimEnd('\n'))}\n\t</desc>";
        return svg[..rootEnd] + stamp + svg[rootEnd..];
    }

    /// <summary>The data table stamped into <paramref name="svg"/> by <see cref="Render"/>, or null.</summary>
    public static string? DataOf(string svg)
    {
        var start = svg.IndexOf($"<desc id=\"{DataElementId}\">", StringComparison.Ordinal);
        if (start < 0) return null;
        start = svg.IndexOf('\n', start) + 1;
        var end = svg.IndexOf("\n\t</desc>", start, StringComparison.Ordinal);
        return end < 0 ? null : System.Net.WebUtility.HtmlDecode(svg[start..end]);
    }

    [System.Text.RegularExpressions.GeneratedRegex("( (?:x|y)=\"[^\"]*?), \"")]
    private static partial System.Text.RegularExpressions.Regex TrailingSeparator();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial System.Text.RegularExpressions.Regex ClipId();

    /// <summary>Okabe-Ito colours, readable with colour blindness.</summary>
    internal static Color Colour(string hex) => Color.FromHex(hex);

    /// <summary>The one font for a plot's titles, axes and legend; no canvas clear of its own.</summary>
    internal static void Style(Plot plot)
    {
        plot.Font.Set(Font);
        plot.Legend.FontName = Font;
        // The canvas is cleared to white once (Render); a per-plot clear writes a black full-size rect into the SVG.
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
    }

    /// <summary>A text plottable in the one font.</summary>
    internal static ScottPlot.Plottables.Text Text(Plot plot, string text, double x, double y, float size, Color colour)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontName = Font;
        label.LabelFontSize = size;
        label.LabelFontColor = colour;
        return label;
    }
}
