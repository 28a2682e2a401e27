using System.Text.RegularExpressions;
using LazyMmuGen.Hosting;

namespace LazyMmuGen.Cli.Accept;

/// <summary>
/// docs/simulate.md with every marked block rewritten, as docs/regenerate-simulate.sh does: a line
/// `&lt;!-- output of: ARGS --&gt;` (or `summary of:`) is followed by a fenced block holding what `lazymmu ARGS`
/// prints (or its lines after "summary:"), indented like the marker.
/// </summary>
public static partial class SimulateDoc
{
    public const string Path = "docs/simulate.md";

    [GeneratedRegex(@"^(?<indent> *)<!-- (?<kind>output|summary) of: (?<args>.+) -->$")]
    private static partial Regex Marker();

    public static string Regenerate(string root, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var result = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            result.Add(lines[i]);
            var m = Marker().Match(lines[i]);
            if (!m.Success) continue;
            var indent = m.Groups["indent"].Value;
            var fence = indent + "```";
            if (i + 1 >= lines.Length || lines[i + 1] != fence)
                throw new InvalidOperationException($"{Path} line {i + 2}: the line after a marker must be {fence}");
            var (code, output) = SelfRun.Run(root, ChildProcess.Words(m.Groups["args"].Value));
            if (code > 1) throw new InvalidOperationException($"{Path}: 'lazymmu {m.Groups["args"].Value}' failed with exit code {code}");
            var body = output.TrimEnd('\n').Split('\n');
            if (m.Groups["kind"].Value == "summary") body = body.SkipWhile(l => !l.StartsWith("summary:", StringComparison.Ordinal)).Skip(1).ToArray();
            result.Add(fence);
            result.AddRange(body.Select(l => l.Trim().Length == 0 ? "" : indent + l));
            var j = i + 2;
            while (j < lines.Length && lines[j] != fence) j++;
            result.Add(fence);
            i = j;
        }
        return string.Join("\n", result);
    }
}
