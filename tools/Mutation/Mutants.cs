using System.Text.RegularExpressions;

namespace LazyMmuGen.Mutation;

/// <summary>One plausible mistake in one built-in fragment: what changed, and the fragment's new text.</summary>
public sealed record Mutant(string Mechanism, string Hook, int Line, string Operator, string Before, string Text)
{
    public string Name => $"{Mechanism}/{Hook}:{Line} {Operator}: {Before.Trim()}";
}

/// <summary>
/// The mutation operators, each a mistake an arch author makes: a statement left out (a forgotten flush,
/// barrier, preempt_enable or completion), a condition inverted, and preempt_disable/enable swapped.
/// Declarations and Scriban control lines are left alone: removing them only breaks the build (or the template). A C#
/// statement with a Scriban hole in it (c.WriteRegister({{ p.register.literal }}, ...); c.Emit({{ effect.dsb }});) is
/// a statement like any other and may be deleted.
/// </summary>
public static partial class Mutants
{
    [GeneratedRegex(@"^\s*if \((?<cond>.+)\)\s*$")]
    private static partial Regex If();

    public static IEnumerable<Mutant> Of(string mechanism, string hook, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("//") || trimmed.StartsWith("///")) continue;
            if (line.Contains("{{") && !trimmed.EndsWith(';')) continue;
            if (trimmed.EndsWith(';') && !trimmed.StartsWith("var ") && !trimmed.StartsWith("public ") && !trimmed.StartsWith("return"))
                yield return new Mutant(mechanism, hook, i + 1, "delete", line, string.Join("\n", lines.Where((_, j) => j != i)));
            if (If().Match(line) is { Success: true } m)
                yield return new Mutant(mechanism, hook, i + 1, "negate", line, Replace(lines, i, line.Replace($"if ({m.Groups["cond"].Value})", $"if (!({m.Groups["cond"].Value}))")));
            if (line.Contains("PreemptDisable()"))
                yield return new Mutant(mechanism, hook, i + 1, "swap", line, Replace(lines, i, line.Replace("PreemptDisable()", "PreemptEnable()")));
            else if (line.Contains("PreemptEnable()"))
                yield return new Mutant(mechanism, hook, i + 1, "swap", line, Replace(lines, i, line.Replace("PreemptEnable()", "PreemptDisable()")));
        }
    }

    private static string Replace(string[] lines, int index, string line) =>
        string.Join("\n", lines.Select((l, j) => j == index ? line : l));
}
