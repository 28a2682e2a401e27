using System;
using System.Collections.Generic;
using System.IO;
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
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<Frame>();
        YNode? root = null;
        var documents = 0;
        var nodes = 0;
        try
        {
            while (parser.MoveNext())
            {
                ct.ThrowIfCancellationRequested();
                var ev = parser.Current!;
                switch (ev)
                {
                    case DocumentStart when ++documents > 1:
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedYaml, Loc(path, ev),
                            "A second YAML document ('---')", "Put one arch per file."));
                        return null;
                    case AnchorAlias:
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedYaml, Loc(path, ev),
                            "An alias (*name)", "Write the value out in full."));
                        return null;
                    case MappingStart:
                    case SequenceStart:
                        if (stack.Count >= MaxDepth)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooComplex, Loc(path, ev),
                                $"nests deeper than {MaxDepth} levels here", MaxDepth.ToString(), DescriptorLimits.MaxChars.ToString()));
                            return null;
                        }
                        stack.Push(new Frame(ev is MappingStart, Loc(path, ev)));
                        break;
                    case Scalar scalar:
                        if (++nodes > MaxNodes)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooComplex, Loc(path, ev),
                                $"has more than {MaxNodes} values", MaxDepth.ToString(), DescriptorLimits.MaxChars.ToString()));
                            return null;
                        }
                        var node = new YScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Loc(path, ev));
                        if (!Attach(stack, node, ref root, diagnostics)) return null;
                        break;
                    case MappingEnd:
                    case SequenceEnd:
                        var frame = stack.Pop();
                        if (!Attach(stack, frame.Build(), ref root, diagnostics)) return null;
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, Loc(path, e.Start, e.End), Clean(e.Message)));
            return null;
        }
        return root;
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

    private static LocationInfo Loc(string path, ParsingEvent ev) => Loc(path, ev.Start, ev.End);

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
        private readonly LocationInfo location;
        private readonly List<YNode> items = new();
        private readonly List<KeyValuePair<YScalar, YNode>> entries = new();
        private readonly HashSet<string> keys = new(StringComparer.Ordinal);
        private YScalar? pendingKey;

        public Frame(bool isMapping, LocationInfo location)
        {
            this.isMapping = isMapping;
            this.location = location;
        }

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
