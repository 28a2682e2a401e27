using System.Text;

namespace LazyMmuGen.Runtime.Reporting;

/// <summary>A plain, deterministic text table shared by every command: stable in CI logs, diffs and tests.</summary>
/// <param name="headers">The column headers.</param>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    /// <summary>Adds a row; it must have one cell per header.</summary>
    /// <param name="cells">The cells, left to right.</param>
    public void Add(params string[] cells) => rows.Add(cells);

    /// <summary>The table: header, a "---+---" rule, then the rows, columns padded and separated by " | ", trailing spaces trimmed.</summary>
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
