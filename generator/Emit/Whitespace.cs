using System.Collections.Generic;

namespace LazyMmuGen.Generator.Emit;

/// <summary>Deterministic layout of rendered code: LF only, no trailing spaces, no noise blank lines.</summary>
public static class Whitespace
{
    public static string Tidy(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            var previous = lines.Count == 0 ? null : lines[lines.Count - 1];
            if (line.Length == 0 && (previous is null || previous.Length == 0 || previous.EndsWith("{"))) continue;
            if (line.TrimStart().StartsWith("}") && previous is { Length: 0 }) lines.RemoveAt(lines.Count - 1);
            lines.Add(line);
        }
        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return string.Join("\n", lines) + "\n";
    }
}
