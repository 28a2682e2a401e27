using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace LazyMmuGen;

/// <summary>
/// A unified diff (---/+++/@@ hunks with 3 lines of context): what a failed snapshot assertion (LazyMmuGen.Testing)
/// and `lazymmu accept` (cli) print. One source file compiled into both assemblies as an internal type (a linked
/// &lt;Compile Include&gt;), because the testing package must not depend on the tool's libraries and the two must
/// print the same format.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Of(string before, string after, string beforeName, string afterName)
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
            AppendHunk(builder, lines, start, Math.Min(lines.Count - 1, end + Context));
        }
        return builder.ToString();
    }

    private static void AppendHunk(StringBuilder builder, List<DiffPiece> lines, int start, int end)
    {
        int oldLine = 1, newLine = 1;
        for (var k = 0; k < start; k++)
        {
            if (lines[k].Type != ChangeType.Inserted) oldLine++;
            if (lines[k].Type != ChangeType.Deleted) newLine++;
        }
        int oldCount = 0, newCount = 0;
        var body = new StringBuilder();
        for (var k = start; k <= end; k++)
        {
            var prefix = lines[k].Type switch { ChangeType.Deleted => '-', ChangeType.Inserted => '+', _ => ' ' };
            body.Append(prefix).Append(lines[k].Text).Append('\n');
            if (prefix != '+') oldCount++;
            if (prefix != '-') newCount++;
        }
        builder.Append($"@@ -{oldLine},{oldCount} +{newLine},{newCount} @@\n").Append(body);
    }
}
