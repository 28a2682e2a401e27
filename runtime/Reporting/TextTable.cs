using System.Text;

namespace LazyMmuGen.Runtime.Reporting;

/// <summary>A plain, deterministic text table shared by every command: stable in CI logs, diffs and tests.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public void Add(params string[] cells) => rows.Add(cells);

    public override string ToString()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var builder = new StringBuilder();
        Line(builder, headers, widths);
        builder.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows) Line(builder, row, widths);
        return builder.ToString();
    }

    private static void Line(StringBuilder builder, string[] cells, int[] widths) =>
        builder.AppendLine(string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
}
