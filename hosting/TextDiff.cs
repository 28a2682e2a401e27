using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace LazyMmuGen.Hosting;

/// <summary>A unified diff (---/+++/@@ hunks with 3 lines of context), as snapshot failures and `lazymmu accept` print it.</summary>
public static class TextDiff
{
    private const int Context = 3;

    public static string Unified(string before, string after, string beforeName, string afterName)
    {
        var lines = new InlineDiffBuilder(new Differ()).BuildDiffModel(before, after, false).Lines;
        var builder = new StringBuilder().Append($"--- {beforeName}\n+++ {afterName}\n");
        var changed = Enumerable.Range(0, lines.Count).Where(i => lines[i].Type != ChangeType.Unchanged).ToList();
        var i = 0;
        while (i < changed.Count)
        {
            var start = Math.Max(0, changed[i] - Context);
            var end = changed[i];
            while (i < changed.Count && changed[i] - end <= 2 * Context) end = changed[i++];
            end = Math.Min(lines.Count - 1, end + Context);
            AppendHunk(builder, lines, start, end);
        }
        return builder.ToString();
    }

    private static void AppendHunk(StringBuilder builder, List<DiffPiece> lines, int start, int end)
    {
        int oldLine = 1, newLine = 1;
        for (var k = 0; k < start; k++) Advance(lines[k].Type, ref oldLine, ref newLine);
        int oldStart = oldLine, newStart = newLine, oldCount = 0, newCount = 0;
        var body = new StringBuilder();
        for (var k = start; k <= end; k++)
        {
            var prefix = lines[k].Type switch { ChangeType.Deleted => '-', ChangeType.Inserted => '+', _ => ' ' };
            body.Append(prefix).Append(lines[k].Text).Append('\n');
            if (prefix != '+') oldCount++;
            if (prefix != '-') newCount++;
        }
        builder.Append($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n").Append(body);
    }

    private static void Advance(ChangeType type, ref int oldLine, ref int newLine)
    {
        if (type != ChangeType.Inserted) oldLine++;
        if (type != ChangeType.Deleted) newLine++;
    }
}
