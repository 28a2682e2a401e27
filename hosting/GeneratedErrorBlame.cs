using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace LazyMmuGen.Hosting;

/// <summary>
/// A compiler error in generated code, said where the user can act on it. When the user gave templates
/// (mechanism fragments or overrides, *.scriban), the C# they write is theirs: the error goes to the template line
/// whose literal text (around its {{ ... }} holes) the failing generated line matches, or, when no single line
/// matches, names the generated line and the templates given. Only with no user template is it the generator's
/// own bug (LMG0099, "please report this").
/// </summary>
public static class GeneratedErrorBlame
{
    /// <summary>
    /// Each diagnostic said where the user can act on it (as above), warnings too, said as warnings. A template
    /// line rendered twice (a fragment another includes, a hook called twice) fails twice in the generated code: it is
    /// one message, naming each place it renders to.
    /// </summary>
    public static IEnumerable<string> DescribeAll(IEnumerable<Diagnostic> diagnostics, IReadOnlyList<DescriptorFile> templates)
    {
        var mapped = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var d in diagnostics)
        {
            var (head, generated) = Blame(d, templates);
            if (!mapped.TryGetValue(head, out var places)) { mapped[head] = places = []; order.Add(head); }
            if (generated is not null && !places.Contains(generated)) places.Add(generated);
        }
        return order.Select(head => mapped[head].Count == 0 ? head : $"{head} (in the C# this line renders, {string.Join(" and ", mapped[head])})");
    }

    /// <summary>
    /// Where a line of generated code comes from, for an exception thrown there (ThrowSite): "leave.scriban:3 as rendered in
    /// RiscvSvinval.g.cs:127" when exactly one of the user's templates writes it, else the generated line quoted, since
    /// the generated file is nowhere on disk. Null for a line the file does not have.
    /// </summary>
    /// <param name="generatedFile">The generated file's name, e.g. RiscvSvinval.g.cs.</param>
    /// <param name="source">Its text.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="templates">The user's templates.</param>
    public static string? PlaceOf(string generatedFile, string source, int line, IReadOnlyList<DescriptorFile> templates)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        if (line < 1 || line > lines.Length) return null;
        var text = lines[line - 1].Trim();
        var matches = templates.SelectMany(t => MatchingLines(t, text, 0)).Select(m => $"{m.File.DisplayPath}:{m.Line}").Distinct().Take(4).ToList();
        return matches.Count switch
        {
            0 => $"{generatedFile}:{line}: `{Shorten(text)}`",
            1 => $"{matches[0]} as rendered in {generatedFile}:{line}",
            // The same line in several templates: each is named, as a compile error's blame names them.
            _ => $"one of {string.Join(", ", matches)} as rendered in {generatedFile}:{line}",
        };
    }

    /// <summary>The message, and the generated place to name after it when it was mapped to a template line (else null).</summary>
    private static (string Head, string? Generated) Blame(Diagnostic d, IReadOnlyList<DescriptorFile> templates)
    {
        var severity = d.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var span = d.Location.GetLineSpan();
        var generated = $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
        if (templates.Count == 0)
            return (d.Severity == DiagnosticSeverity.Error
                ? $"error LMG0099: generated code does not compile ({d.Id} at {generated}: {d.GetMessage()}); please report this with the descriptor"
                : $"warning {d.Id}: generated code: {d.GetMessage()}", null);
        var full = d.Location.SourceTree?.GetText().Lines[span.StartLinePosition.Line].ToString() ?? "";
        var line = full.Trim();
        var offset = span.StartLinePosition.Character - (full.Length - full.TrimStart().Length);
        var matches = templates.SelectMany(t => MatchingLines(t, line, offset)).Take(2).ToList();
        if (matches.Count == 1)
        {
            var (file, number, column) = matches[0];
            return ($"{file.DisplayPath}({number},{column}): {severity} {d.Id}: {d.GetMessage()}", generated);
        }
        return ($"{severity} {d.Id}: {d.GetMessage()} in generated code at {generated}: `{Shorten(line)}`; it comes from one of the templates given "
            + $"({string.Join(", ", templates.Select(t => t.DisplayPath))}), or, if none of them writes that line, from the generator (please report it)", null);
    }

    /// <summary>
    /// Template lines whose literal parts, in order, make up <paramref name="generated"/>, each with the 1-based line and
    /// the column <paramref name="offset"/> (into the trimmed generated line) maps to: the same character of a literal
    /// part, or the start of the {{ ... }} hole that rendered it.
    /// </summary>
    private static IEnumerable<(DescriptorFile File, int Line, int Column)> MatchingLines(DescriptorFile template, string generated, int offset)
    {
        if (generated.Length == 0) yield break;
        var lines = template.Text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0 || (text.StartsWith("{{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal))) continue;
            var holes = Regex.Matches(text, @"\{\{.*?\}\}").Cast<Match>().ToList();
            var pieces = Regex.Split(text, @"\{\{.*?\}\}");
            if (pieces.All(p => p.Trim().Length == 0)) continue;
            var pattern = "^" + string.Join("(.*?)", pieces.Select(p => Regex.Escape(p))) + "$";
            var match = Regex.Match(generated, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            if (!match.Success) continue;
            var indent = lines[i].Length - lines[i].TrimStart().Length;
            yield return (template, i + 1, indent + TemplateOffset(offset, pieces, holes, match) + 1);
        }
    }

    /// <summary>Where in the trimmed template line the generated line's character <paramref name="offset"/> comes from.</summary>
    private static int TemplateOffset(int offset, string[] pieces, List<Match> holes, Match match)
    {
        var (generatedAt, templateAt) = (0, 0);
        for (var k = 0; k < pieces.Length; k++)
        {
            if (offset < generatedAt + pieces[k].Length) return templateAt + Math.Max(0, offset - generatedAt);
            generatedAt += pieces[k].Length;
            templateAt += pieces[k].Length;
            if (k == holes.Count) break;
            var rendered = match.Groups[k + 1];
            if (offset < rendered.Index + rendered.Length) return holes[k].Index;
            generatedAt = rendered.Index + rendered.Length;
            templateAt = holes[k].Index + holes[k].Length;
        }
        return Math.Max(0, templateAt - 1);
    }

    private static string Shorten(string line) => line.Length <= 120 ? line : line[..117] + "...";
}
