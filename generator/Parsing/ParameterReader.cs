using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Generator.Yaml;

namespace LazyMmuGen.Generator.Parsing;

/// <summary>Reads one parameter node into canonical text, or reports why it cannot.</summary>
public static class ParameterReader
{
    public static string? Read(ParameterDefinition p, string mechanism, YNode node, List<DiagnosticInfo> diagnostics)
    {
        switch (p.Kind)
        {
            case ParameterKind.Integer:
                return ReadInteger(p, mechanism, node, diagnostics);
            case ParameterKind.Boolean:
                if (node is YScalar { IsPlain: true } b && (Eq(b.Value, "true") || Eq(b.Value, "false")))
                    return b.Value.ToLowerInvariant();
                return TypeError(p, mechanism, node, diagnostics);
            case ParameterKind.Choice:
                if (node is YScalar c && p.Choices.Contains(c.Value)) return c.Value;
                return TypeError(p, mechanism, node, diagnostics, node is YScalar typo ? Suggestions.Closest(typo.Value, p.Choices) : null);
            case ParameterKind.ChoiceList:
                return ReadChoiceList(p, mechanism, node, diagnostics);
            case ParameterKind.Identifier:
            case ParameterKind.LevelRef:
                if (node is YScalar id && NameRules.IsIdentifier(id.Value)) return id.Value;
                return TypeError(p, mechanism, node, diagnostics);
            default:
                return ReadLevelMap(p, mechanism, node, diagnostics);
        }
    }

    private static string? ReadInteger(ParameterDefinition p, string mechanism, YNode node, List<DiagnosticInfo> diagnostics)
    {
        if (node is not YScalar { IsPlain: true } s || s.Value.Length == 0 || !IsInteger(s.Value))
            return TypeError(p, mechanism, node, diagnostics);
        if (!long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < p.Min || value > p.Max)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterRange, node.Location,
                p.Name, mechanism, Shorten(s.Value), $"{p.Min}..{p.Max}"));
            return null;
        }
        return value.ToString(CultureInfo.InvariantCulture);
    }

    private static string? ReadChoiceList(ParameterDefinition p, string mechanism, YNode node, List<DiagnosticInfo> diagnostics)
    {
        var items = node switch
        {
            YSequence seq => seq.Items,
            YScalar scalar when !scalar.IsNull => new List<YNode> { scalar },
            _ => null,
        };
        if (items is null || items.Count == 0) return TypeError(p, mechanism, node, diagnostics);
        var seen = new List<string>();
        foreach (var item in items)
        {
            if (item is not YScalar s || !p.Choices.Contains(s.Value) || seen.Contains(s.Value))
            {
                var found = item is YScalar again && seen.Contains(again.Value)
                    ? $"{Quote(again)} again; remove the repeated '{Shorten(again.Value)}'"
                    : Found(item, item is YScalar typo ? Suggestions.Closest(typo.Value, p.Choices) : null);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterType, item.Location,
                    p.Name, mechanism, p.Expected + " (each once)", found));
                return null;
            }
            seen.Add(s.Value);
        }
        return string.Join(",", seen);
    }

    private static string? ReadLevelMap(ParameterDefinition p, string mechanism, YNode node, List<DiagnosticInfo> diagnostics)
    {
        if (node is not YMapping map || map.Entries.Count == 0) return TypeError(p, mechanism, node, diagnostics);
        var parts = new List<string>();
        foreach (var entry in map.Entries)
        {
            if (!NameRules.IsIdentifier(entry.Key.Value))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterType, entry.Key.Location,
                    p.Name, mechanism, "level names that are identifiers", Quote(entry.Key)));
                return null;
            }
            if (entry.Value is not YScalar { IsPlain: true } v || v.Value.Length == 0 || !IsInteger(v.Value))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterType, entry.Value.Location,
                    p.Name + "." + entry.Key.Value, mechanism, "an integer 0..15", QuotedNumber(entry.Value) ?? Found(entry.Value, null)));
                return null;
            }
            if (!int.TryParse(v.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level > 15)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterRange, entry.Value.Location,
                    p.Name + "." + entry.Key.Value, mechanism, Shorten(Describe(entry.Value)), "0..15"));
                return null;
            }
            parts.Add(entry.Key.Value + "=" + level.ToString(CultureInfo.InvariantCulture));
        }
        return string.Join(",", parts);
    }

    private static string? TypeError(ParameterDefinition p, string mechanism, YNode node, List<DiagnosticInfo> diagnostics, string? suggestion = null)
    {
        var found = p.Kind switch
        {
            ParameterKind.Integer => QuotedNumber(node),
            ParameterKind.Boolean => QuotedBoolean(node),
            _ => null,
        };
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterType, node.Location,
            p.Name, mechanism, p.Expected, found ?? Found(node, suggestion)));
        return null;
    }

    /// <summary>What LMG0010 says was found: "'maybe'", or "'mx' (did you mean 'mm'?)".</summary>
    private static string Found(YNode node, string? suggestion) =>
        suggestion is null ? $"'{Shorten(Describe(node))}'" : $"'{Shorten(Describe(node))}' (did you mean '{suggestion}'?)";

    private static string Quote(YScalar scalar) => $"'{Shorten(scalar.Value)}'";

    /// <summary>A quoted integer ("64") is a string in YAML: say so, and how to write the number.</summary>
    private static string? QuotedNumber(YNode node) =>
        node is YScalar { IsPlain: false } s && s.Value.Length > 0 && IsInteger(s.Value) ? QuotedHint(s.Value, s.Value) : null;

    /// <summary>A quoted "true"/"false" is a string in YAML, not a boolean.</summary>
    private static string? QuotedBoolean(YNode node) =>
        node is YScalar { IsPlain: false } s && (Eq(s.Value, "true") || Eq(s.Value, "false")) ? QuotedHint(s.Value, s.Value.ToLowerInvariant()) : null;

    private static string QuotedHint(string value, string unquoted) =>
        $"the string \"{Shorten(value)}\"; write {Shorten(unquoted)} without quotes";

    private static bool IsInteger(string text)
    {
        var start = text[0] == '-' || text[0] == '+' ? 1 : 0;
        return text.Length > start && text.Skip(start).All(ch => ch >= '0' && ch <= '9');
    }

    private static bool Eq(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Describe(YNode node) => node is YScalar s ? s.Value : node.Describe();

    /// <summary>Messages quote user input; keep them readable when the input is huge.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";
}
