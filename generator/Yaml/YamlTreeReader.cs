using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LazyMmuGen.Generator.Yaml;

/// <summary>
/// Turns descriptor text into a <see cref="YNode"/> tree without recursion, enforcing the limits that
/// keep hostile input harmless: bounded depth and node count, no aliases, one document.
/// </summary>
public static class YamlTreeReader
{
    public const int MaxDepth = 32;
    public const int MaxNodes = 200_000;

    public static YNode? Read(string path, string text, List<DiagnosticInfo> diagnostics, CancellationToken ct)
    {
        var parser = new Parser(new StringReader(ForParser(text)));
        var stack = new Stack<Frame>();
        YNode? root = null;
        var documents = 0;
        var nodes = 0;
        var last = Mark.Empty;
        // For explaining indentation errors: the last block-mapping key, and the collections closed since.
        int lastKeyStart = -1, lastKeyEnd = -1;
        var closedSinceLastKey = new List<IndentationHints.Level>();
        while (true)
        {
            // YamlDotNet reports most syntax errors as YamlException, but some malformed input (an unclosed
            // flow mapping at the end of the text, "summary: {\nx \"\"") makes its scanner throw
            // InvalidOperationException instead. Either way it is a syntax error in the descriptor, not a
            // generator failure: LMG0001, at the parser's position or just after the last event it read.
            bool more;
            try
            {
                more = parser.MoveNext();
            }
            catch (YamlException e)
            {
                diagnostics.Add(Unclosed(path, text, e, stack) ?? Explain(path, text, e, last, stack, closedSinceLastKey, lastKeyStart, lastKeyEnd)
                    ?? DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, Loc(path, text, e.Start, e.End), Clean(e.Message), DiagnosticDescriptors.YamlSyntaxGenericFix));
                return null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, Loc(path, text, last, last),
                    "the parser cannot continue after this point (look for an unclosed '{', '[' or quote).", DiagnosticDescriptors.YamlSyntaxGenericFix));
                return null;
            }
            if (!more) break;
            ct.ThrowIfCancellationRequested();
            var ev = parser.Current!;
            last = ev.End;
            switch (ev)
            {
                case DocumentStart when ++documents > 1:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedYaml, Loc(path, text, ev),
                        "A second YAML document ('---')", "Put one arch per file."));
                    return null;
                case AnchorAlias:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedYaml, Loc(path, text, ev),
                        "An alias (*name)", "Write the value out in full."));
                    return null;
                case MappingStart:
                case SequenceStart:
                    if (stack.Count >= MaxDepth)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooComplex, Loc(path, text, ev),
                            $"nests deeper than {MaxDepth} levels here", MaxDepth.ToString(), DescriptorLimits.MaxChars.ToString()));
                        return null;
                    }
                    var flow = ev is MappingStart { Style: MappingStyle.Flow } || ev is SequenceStart { Style: SequenceStyle.Flow };
                    stack.Push(new Frame(ev is MappingStart, flow, (int)Math.Max(0, ev.Start.Column - 1), Loc(path, text, ev)));
                    break;
                case Scalar scalar:
                    if (++nodes > MaxNodes)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooComplex, Loc(path, text, ev),
                            $"has more than {MaxNodes} values", MaxDepth.ToString(), DescriptorLimits.MaxChars.ToString()));
                        return null;
                    }
                    if (stack.Count > 0 && stack.Peek().ExpectsBlockKey)
                    {
                        (lastKeyStart, lastKeyEnd) = ((int)ev.Start.Index, (int)ev.End.Index);
                        closedSinceLastKey.Clear();
                    }
                    var node = new YScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Loc(path, text, ev));
                    if (!Attach(stack, node, ref root, diagnostics)) return null;
                    break;
                case MappingEnd:
                case SequenceEnd:
                    var frame = stack.Pop();
                    closedSinceLastKey.Add(frame.Level);
                    if (!Attach(stack, frame.Build(), ref root, diagnostics)) return null;
                    break;
            }
        }
        return root;
    }

    /// <summary>YamlDotNet's scanner reads its input in blocks of this many characters.</summary>
    private const int ScannerBlock = 1024;

    /// <summary>
    /// The text as YamlDotNet is given it. Its scanner (16.3.0) reads in blocks of 1024 characters and learns of
    /// the end only from a read that returns nothing, so at the end of a text whose length is a multiple of 1024
    /// it does not know yet that there is no more. A reserved directive ("%FOO bar") on an unterminated last line
    /// is skipped up to a line break or the end, tested in that order: the loop steps past the end and its count
    /// of buffered characters goes negative, and it runs some 2^32 times (12 s and more, a stalled build or
    /// editor; found by fuzz/run.sh, see docs/fuzzing.md). A line break after that line ends the loop there and
    /// changes nothing else: a line starting with '%' at column 0 is a directive, or the continuation of a
    /// top-level scalar, which is refused as LMG0002 anyway. Locations are still taken from the original text.
    /// </summary>
    private static string ForParser(string text)
    {
        if (text.Length == 0 || text.Length % ScannerBlock != 0 || IsYamlBreak(text[text.Length - 1])) return text;
        var lastLine = text.Length - 1;
        while (lastLine > 0 && !IsYamlBreak(text[lastLine - 1])) lastLine--;
        if (lastLine == 0 && text[0] == '\uFEFF') lastLine = 1;
        return lastLine < text.Length && text[lastLine] == '%' ? text + "\n" : text;
    }

    /// <summary>The characters YamlDotNet ends a line at.</summary>
    private static bool IsYamlBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>
    /// LMG0001 at an unclosed '[' or '{' when the text ends inside it: the parser's own mark is the end of the text
    /// (a line after the last one when the file ends with a line break), which says nothing about where the
    /// mistake is. Null when the error is elsewhere or no flow collection is open.
    /// </summary>
    private static DiagnosticInfo? Unclosed(string path, string text, YamlException e, Stack<Frame> stack)
    {
        var from = (int)Math.Min(Math.Max(0, e.Start.Index), text.Length);
        if (text.Substring(from).Trim().Length > 0) return null;
        var open = stack.FirstOrDefault(f => f.IsFlow);
        if (open is null) return null;
        var (bracket, close) = open.IsMapping ? ('{', '}') : ('[', ']');
        return DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, open.Location,
            $"this '{bracket}' is never closed: the text ends inside it.", $"Close it with '{close}' (items are separated by ',').");
    }

    /// <summary>LMG0001 in words for a tab or a line indented unlike its siblings; null keeps the parser's message. Never throws.</summary>
    private static DiagnosticInfo? Explain(string path, string text, YamlException e, Mark last, Stack<Frame> stack,
        List<IndentationHints.Level> closedSinceLastKey, int lastKeyStart, int lastKeyEnd)
    {
        try
        {
            return IndentationHints.Explain(path, text, e.Message, e.Start.Index, last.Index, stack.Select(f => f.Level), closedSinceLastKey, lastKeyStart, lastKeyEnd);
        }
        catch (Exception hintFailure) when (hintFailure is not OperationCanceledException)
        {
            // A hint is a nicety: whatever goes wrong computing it, the parser's own message is still right.
            return null;
        }
    }

    private static bool Attach(Stack<Frame> stack, YNode node, ref YNode? root, List<DiagnosticInfo> diagnostics)
    {
        if (stack.Count == 0)
        {
            root = node;
            return true;
        }
        return stack.Peek().Add(node, diagnostics);
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (...): "; the diagnostic location says that already.
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return index >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(index + 3) : message;
    }

    private static LocationInfo Loc(string path, string text, ParsingEvent ev) => Loc(path, text, ev.Start, ev.End);

    /// <summary>
    /// A location inside the text. At the very end of the text YamlDotNet's marks can point past it (a line
    /// after the last one, an offset beyond the end: an implicit empty value after '---', a syntax error
    /// at the end of a text without a final line break). There, line and column are derived from the
    /// offsets clamped to the text, counting lines as the compiler does; everywhere else the marks agree
    /// with that already and are used as they are.
    /// </summary>
    private static LocationInfo Loc(string path, string text, Mark start, Mark end)
    {
        if (end.Index < text.Length) return Loc(path, start, end);
        var from = (int)Math.Min(Math.Max(0, start.Index), text.Length);
        var to = (int)Math.Min(Math.Max(from, end.Index), text.Length);
        var span = TextSpan.FromBounds(from, to);
        return new LocationInfo(path, span, SourceText.From(text).Lines.GetLinePositionSpan(span));
    }

    public static LocationInfo Loc(string path, Mark start, Mark end)
    {
        var startIndex = (int)Math.Max(0, start.Index);
        var endIndex = (int)Math.Max(startIndex, end.Index);
        var from = new LinePosition((int)Math.Max(0, start.Line - 1), (int)Math.Max(0, start.Column - 1));
        var to = new LinePosition((int)Math.Max(0, end.Line - 1), (int)Math.Max(0, end.Column - 1));
        if (to < from) to = from;
        return new LocationInfo(path, TextSpan.FromBounds(startIndex, endIndex), new LinePositionSpan(from, to));
    }

    private sealed class Frame
    {
        private readonly bool isMapping;
        private readonly bool isFlow;
        private readonly int indent;
        private readonly LocationInfo location;
        private readonly List<YNode> items = new();
        private readonly List<KeyValuePair<YScalar, YNode>> entries = new();
        private readonly HashSet<string> keys = new(StringComparer.Ordinal);
        private YScalar? pendingKey;

        public Frame(bool isMapping, bool isFlow, int indent, LocationInfo location)
        {
            this.isMapping = isMapping;
            this.isFlow = isFlow;
            this.indent = indent;
            this.location = location;
        }

        public IndentationHints.Level Level => new(isMapping, isFlow, indent);

        public bool IsFlow => isFlow;

        public bool IsMapping => isMapping;

        /// <summary>Where the collection starts (its '[' or '{' for a flow one).</summary>
        public LocationInfo Location => location;

        /// <summary>The next scalar added is a key of a block mapping.</summary>
        public bool ExpectsBlockKey => isMapping && !isFlow && pendingKey is null;

        public bool Add(YNode node, List<DiagnosticInfo> diagnostics)
        {
            if (!isMapping)
            {
                items.Add(node);
                return true;
            }
            if (pendingKey is null)
            {
                if (node is not YScalar key)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedYaml, node.Location,
                        "A complex mapping key", "Keys must be plain words such as 'arch'."));
                    return false;
                }
                if (!keys.Add(key.Value))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateKey, key.Location, key.Value));
                    return false;
                }
                pendingKey = key;
                return true;
            }
            entries.Add(new KeyValuePair<YScalar, YNode>(pendingKey!, node));
            pendingKey = null;
            return true;
        }

        public YNode Build() => isMapping ? new YMapping(entries, location) : new YSequence(items, location);
    }
}
