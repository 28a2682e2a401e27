using System.Text.RegularExpressions;

namespace LazyMmuGen.Simulator.Tests;

/// <summary>
/// Every output block in docs/simulate.md is what its command prints. A block is marked by the comment line before it:
/// <c>&lt;!-- output of: ARGS --&gt;</c> (the whole output of <c>lazymmu ARGS</c>) or <c>&lt;!-- summary of: ARGS --&gt;</c>
/// (its summary table, the lines after "summary:"). docs/regenerate-simulate.sh rewrites them; this test runs each
/// command through the CLI and compares.
/// </summary>
public partial class DocsTextTests
{
    [GeneratedRegex(@"^(?<indent> *)<!-- (?<kind>output|summary) of: (?<args>.+) -->$")]
    private static partial Regex Marker();

    public static IEnumerable<object[]> Blocks() => Parse(File.ReadAllLines(RepoRoot.Combine("docs/simulate.md"))).Select(b => new object[] { b.Kind, b.Args });

    [Theory]
    [MemberData(nameof(Blocks))]
    public void A_marked_block_is_what_its_command_prints(string kind, string args)
    {
        var block = Parse(File.ReadAllLines(RepoRoot.Combine("docs/simulate.md"))).First(b => b.Kind == kind && b.Args == args);
        var run = Cli.Run(Cli.Words(args));
        Assert.True(run.Code is 0 or 1, $"lazymmu {args} failed ({run.Code}): {run.Err}");
        Assert.True(Expected(kind, run.Out) == block.Text,
            $"docs/simulate.md's block for `lazymmu {args}` is out of date: run `{DocsChartTests.Regenerate}`.\nexpected:\n{Expected(kind, run.Out)}\ncommitted:\n{block.Text}");
    }

    [Fact]
    public void The_document_marks_its_blocks()
    {
        var blocks = Parse(File.ReadAllLines(RepoRoot.Combine("docs/simulate.md"))).ToList();
        Assert.Contains(blocks, b => b.Kind == "summary" && b.Args == "simulate");
        Assert.Contains(blocks, b => b.Kind == "output" && b.Args == "simulate --calibration");
        Assert.True(blocks.Count >= 8, $"{blocks.Count} marked blocks");
    }

    /// <summary>What a block holds for <paramref name="stdout"/>: the whole output, or the lines after "summary:".</summary>
    public static string Expected(string kind, string stdout)
    {
        var lines = stdout.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        if (kind == "summary") lines = lines.SkipWhile(l => !l.StartsWith("summary:", StringComparison.Ordinal)).Skip(1).ToArray();
        return string.Join("\n", lines);
    }

    private static IEnumerable<(string Kind, string Args, string Text)> Parse(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var m = Marker().Match(lines[i]);
            if (!m.Success) continue;
            var indent = m.Groups["indent"].Value;
            Assert.True(i + 1 < lines.Length && lines[i + 1] == indent + "```", $"docs/simulate.md line {i + 2}: a marked block starts with {indent}```");
            var body = new List<string>();
            var j = i + 2;
            for (; j < lines.Length && lines[j] != indent + "```"; j++) body.Add(lines[j].Length >= indent.Length ? lines[j][indent.Length..] : lines[j].TrimStart());
            yield return (m.Groups["kind"].Value, m.Groups["args"].Value, string.Join("\n", body));
            i = j;
        }
    }
}
