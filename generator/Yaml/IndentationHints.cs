using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;

namespace LazyMmuGen.Generator.Yaml;

/// <summary>
/// Turns the two commonest YAML syntax errors into plain words when the parser fails. YamlDotNet reports
/// them as "found a tab character that violate indentation" (on the line before the tab, or at 1:1) and
/// "While scanning a plain scalar value, found invalid mapping" / "did not find expected key": instead,
/// LMG0001 says which line is indented with a tab, or how far a line is indented and how far its siblings
/// are, at that line. Only the failing line is examined, with the indentation of the block collections
/// the parser had read up to it; anything less clear-cut keeps the parser's own message.
/// </summary>
internal static class IndentationHints
{
    /// <summary>YamlDotNet's tab errors: "found a tab character that violate indentation", "found invalid tab as indentation".</summary>
    private static readonly Regex TabMessage = new(@"\btab\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>A block mapping or sequence the parser had open (or had just closed) at the error, by its indentation.</summary>
    public readonly struct Level
    {
        public Level(bool isMapping, bool isFlow, int indent)
        {
            IsMapping = isMapping;
            IsFlow = isFlow;
            Indent = indent;
        }

        public bool IsMapping { get; }
        public bool IsFlow { get; }
        public int Indent { get; }
    }

    /// <summary>
    /// An LMG0001 in words, or null to keep the parser's message. <paramref name="readUpTo"/> is the end offset
    /// of the last event the parser read; <paramref name="lastKeyStart"/> and <paramref name="lastKeyEnd"/> are
    /// the offsets of the last block-mapping key read (-1: none).
    /// </summary>
    public static DiagnosticInfo? Explain(string path, string text, string message, long errorIndex, long readUpTo,
        IEnumerable<Level> open, IEnumerable<Level> closedSinceLastKey, int lastKeyStart, int lastKeyEnd)
    {
        var source = SourceText.From(text);
        if (source.Lines.Count == 0) return null;
        var errorLine = LineOf(source, errorIndex);
        // Text the parser already read holds no bad tab (a tab inside block-scalar content is fine), and its
        // tab errors point at the line before the tab or at the start of the enclosing mapping.
        if (TabMessage.IsMatch(message)) return Tab(path, source, Math.Max(errorLine, LineOf(source, readUpTo)));

        var levels = open.ToList();
        if (levels.Any(l => l.IsFlow)) return null;
        var line = source.Lines[errorLine];
        var content = source.ToString(line.Span);
        var indent = 0;
        while (indent < content.Length && content[indent] == ' ') indent++;
        var rest = content.Substring(indent);
        var isItem = rest == "-" || rest.StartsWith("- ", StringComparison.Ordinal);
        if (!isItem && !LooksLikeKey(rest)) return null;

        int sibling;
        var lastKeyLine = lastKeyStart < 0 ? -1 : source.Lines.GetLineFromPosition(lastKeyStart).LineNumber;
        var lastKeyIndent = lastKeyStart < 0 ? -1 : lastKeyStart - source.Lines[lastKeyLine].Start;
        if (!isItem && lastKeyLine >= 0 && lastKeyLine < errorLine && indent > lastKeyIndent)
        {
            // Deeper than the key before it, which already has its value on its own line: not its child,
            // so it was meant as that key's sibling.
            if (!HasInlineValue(text, lastKeyEnd, source.Lines[lastKeyLine].End)) return null;
            sibling = lastKeyIndent;
        }
        else
        {
            // Shallower than the key before it: it must line up with one of the collections that enclosed that key.
            var candidates = levels.Concat(closedSinceLastKey).Where(l => !l.IsFlow && l.IsMapping != isItem).Select(l => l.Indent).Distinct().ToList();
            if (candidates.Count == 0 || candidates.Contains(indent)) return null;
            sibling = candidates.OrderBy(c => Math.Abs(c - indent)).ThenByDescending(c => c).First();
        }

        var number = errorLine + 1;
        var explanation = sibling == 0
            ? $"line {number} is indented {Spaces(indent)}; its siblings are not indented."
            : $"line {number} is indented {Spaces(indent)}; its siblings use {sibling}.";
        var fix = sibling == 0 ? "Remove its indentation, like its siblings." : $"Indent it {Spaces(sibling)}, like its siblings.";
        var span = new TextSpan(line.Start, indent);
        return DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, new LocationInfo(path, span, source.Lines.GetLinePositionSpan(span)), explanation, fix);
    }

    /// <summary>The first line from the error on whose indentation (leading whitespace before content) holds a tab.</summary>
    private static DiagnosticInfo? Tab(string path, SourceText source, int fromLine)
    {
        for (var i = fromLine; i < source.Lines.Count; i++)
        {
            var line = source.Lines[i];
            int tab = -1, position = line.Start;
            for (; position < line.End && (source[position] == ' ' || source[position] == '\t'); position++)
            {
                if (tab < 0 && source[position] == '\t') tab = position;
            }
            if (tab < 0 || position == line.End || source[position] == '#') continue;
            var span = new TextSpan(tab, 1);
            return DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, new LocationInfo(path, span, source.Lines.GetLinePositionSpan(span)),
                $"line {i + 1} is indented with a tab; YAML indentation is spaces only.", "Replace the tab with spaces.");
        }
        return null;
    }

    /// <summary>"name: value" or "name:" with a plain key: the shape of a mis-indented mapping line.</summary>
    private static bool LooksLikeKey(string rest)
    {
        if (rest.Length == 0 || "#'\"[]{}&*!|>%@`?:-".IndexOf(rest[0]) >= 0) return false;
        var colon = rest.IndexOf(':');
        var hash = rest.IndexOf('#');
        return colon > 0 && (colon == rest.Length - 1 || rest[colon + 1] == ' ') && (hash < 0 || hash > colon);
    }

    /// <summary>Whether the key ending at <paramref name="keyEnd"/> has a one-line plain value after its ':' (not a block, flow or quoted one).</summary>
    private static bool HasInlineValue(string text, int keyEnd, int lineEnd)
    {
        var i = keyEnd;
        while (i < lineEnd && text[i] == ' ') i++;
        if (i >= lineEnd || text[i] != ':') return false;
        i++;
        while (i < lineEnd && (text[i] == ' ' || text[i] == '\t')) i++;
        return i < lineEnd && "#'\"[{|>&!*".IndexOf(text[i]) < 0;
    }

    private static int LineOf(SourceText source, long index) =>
        source.Lines.GetLineFromPosition((int)Math.Min(Math.Max(0, index), source.Length)).LineNumber;

    private static string Spaces(int count) => count == 1 ? "1 space" : $"{count} spaces";
}
