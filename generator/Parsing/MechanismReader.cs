using System;
using System.Collections.Generic;
using System.Linq;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Generator.Yaml;

namespace LazyMmuGen.Generator.Parsing;

/// <summary>Reads the 'mechanisms' list: kinds, typed parameters with defaults, cross-parameter rules, resource conflicts.</summary>
public static class MechanismReader
{
    private const string KindKey = "kind";

    public static List<MechanismSpec> Read(YNode node, List<DiagnosticInfo> diagnostics, Catalog catalog)
    {
        var result = new List<MechanismSpec>();
        if (node is YScalar { IsNull: true }) return result;
        if (node is not YSequence list)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, node.Location,
                "a list of mechanisms", node.Describe(), " Write '- kind: deferred-barriers' items, or '[]' for none."));
            return result;
        }
        var claims = new Dictionary<string, MechanismSpec>();
        foreach (var item in list.Items)
        {
            var spec = ReadOne(item, diagnostics, catalog);
            if (spec is null) continue;
            var definition = catalog.Find(spec.Kind)!;
            var resources = definition.Resources(spec).ToList();
            var taken = resources.FirstOrDefault(claims.ContainsKey);
            if (taken is not null)
            {
                // A rejected mechanism claims nothing, so later conflicts name a mechanism that is really there.
                var holder = claims[taken];
                // The same mechanism twice is a repeated line, not two mechanisms competing: say so.
                var conflict = holder.Kind == spec.Kind
                    ? $"Mechanism '{spec.Kind}' is listed twice (first at line {holder.Location.Line}), and both would claim '{taken}'."
                    : $"Mechanism '{spec.Kind}' claims '{taken}', which '{holder.Kind}' already claims.";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ResourceConflict, spec.Location, conflict));
                continue;
            }
            foreach (var resource in resources) claims[resource] = spec;
            result.Add(spec);
        }
        return result;
    }

    private static MechanismSpec? ReadOne(YNode item, List<DiagnosticInfo> diagnostics, Catalog catalog)
    {
        // '- deferred-barriers' is shorthand for a mechanism with every parameter defaulted.
        if (item is YScalar { IsNull: false } shorthand)
            return Build(shorthand, new List<KeyValuePair<YScalar, YNode>>(), item.Location, diagnostics, catalog);
        if (item is not YMapping map)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, item.Location,
                "a mechanism ('- kind: NAME' with its parameters)", item.Describe(), ""));
            return null;
        }
        var kind = map.Entries.FirstOrDefault(e => e.Key.Value == KindKey);
        if (kind.Key is null)
        {
            var (value, more) = MissingKindFix(map, catalog);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingField, map.Location, KindKey, value, more));
            return null;
        }
        if (kind.Value is not YScalar kindName)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, kind.Value.Location,
                "a mechanism name", kind.Value.Describe(), " Known mechanisms: " + catalog.Names + "."));
            return null;
        }
        var parameters = map.Entries.Where(e => e.Key.Value != KindKey).ToList();
        return Build(kindName, parameters, kindName.Location, diagnostics, catalog);
    }

    /// <summary>For a name close to none: most likely a mechanism of the user's own that was not given to the generator.</summary>
    private const string OwnMechanismHint = " If it is your own, define it in mechanisms/NAME/mechanism.yaml (docs/mechanisms.md): a project takes every "
        + "mechanisms/ folder in it, and the lazymmu tool the ones under a folder it is given or beside a descriptor file.";

    private static MechanismSpec? Build(YScalar kind, List<KeyValuePair<YScalar, YNode>> entries, LocationInfo location, List<DiagnosticInfo> diagnostics, Catalog catalog)
    {
        var definition = catalog.Find(kind.Value);
        if (definition is null)
        {
            // A definition of that name that has errors is reported at the definition; say so here instead of guessing.
            var hint = catalog.Rejected.TryGetValue(kind.Value, out var rejected)
                ? $" Its definition {rejected.Path} has errors ({rejected.Codes}, reported there): fix them and it is known."
                : Suggestions.DidYouMean(kind.Value, catalog.All.Select(m => m.Name)) is { Length: > 0 } close ? close
                : OwnMechanismHint;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownMechanism, kind.Location,
                ParameterReader.Shorten(kind.Value), hint, catalog.Names));
            return null;
        }
        var before = diagnostics.Count;
        var values = new Dictionary<string, string>();
        var valueNodes = new Dictionary<string, YNode>();
        foreach (var entry in entries)
        {
            var parameter = definition.Parameters.FirstOrDefault(p => p.Name == entry.Key.Value);
            if (parameter is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownParameter, entry.Key.Location,
                    definition.Name, ParameterReader.Shorten(entry.Key.Value), UnknownParameterHint(definition, entry.Key.Value, catalog),
                    definition.Parameters.Count == 0 ? "none" : string.Join(", ", definition.Parameters.Select(p => p.Name))));
                continue;
            }
            var canonical = ParameterReader.Read(parameter, definition.Name, entry.Value, diagnostics);
            if (canonical is null) continue;
            values[parameter.Name] = canonical;
            valueNodes[parameter.Name] = entry.Value;
        }
        foreach (var parameter in definition.Parameters.Where(p => !values.ContainsKey(p.Name)))
        {
            if (parameter.Required)
            {
                if (diagnostics.Count == before)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingParameter, location, definition.Name, parameter.Name,
                        parameter.Description.TrimEnd().EndsWith(".", StringComparison.Ordinal) ? parameter.Description.TrimEnd() : parameter.Description.TrimEnd() + "."));
                continue;
            }
            values[parameter.Name] = parameter.Default!;
        }
        if (diagnostics.Count != before) return null;
        CheckLevelRefs(definition, values, valueNodes, location, diagnostics);
        CheckAtMost(definition, values, valueNodes, location, diagnostics);
        if (diagnostics.Count != before) return null;
        var ordered = definition.Parameters.Select(p => new ParameterValue(p.Name, values[p.Name]));
        return new MechanismSpec(definition.Name, ordered.ToEquatableArray(), location);
    }

    /// <summary>
    /// LMG0009's hint: the parameter of this mechanism the key is a typo of, or else the other mechanism
    /// that has a parameter of exactly that name (capacity under deferred-barriers belongs to tlb-batch).
    /// </summary>
    private static string UnknownParameterHint(MechanismDefinition definition, string key, Catalog catalog)
    {
        var hint = Suggestions.DidYouMean(key, definition.Parameters.Select(p => p.Name));
        if (hint.Length > 0) return hint;
        var owners = catalog.All.Where(m => m != definition && m.Parameters.Any(p => p.Name == key)).Select(m => "'" + m.Name + "'").ToList();
        return owners.Count == 0 ? "" : $" '{key}' is a parameter of {string.Join(" and ", owners)}: move it under that mechanism, or change this 'kind'.";
    }

    /// <summary>
    /// LMG0003 for a mechanism without 'kind': the value to add and the rest of the advice. When the entry's
    /// keys are parameters of exactly one mechanism, that one ("add 'kind: tlb-batch'"); otherwise the
    /// mechanisms whose parameters fit, or all of them.
    /// </summary>
    private static (string Value, string More) MissingKindFix(YMapping map, Catalog catalog)
    {
        var keys = map.Entries.Select(e => e.Key.Value).ToList();
        var fitting = catalog.All.Where(m => keys.All(k => m.Parameters.Any(p => p.Name == k))).ToList();
        if (keys.Count > 0 && fitting.Count == 1)
            return (fitting[0].Name, $" ({string.Join(", ", keys.Select(ParameterReader.Shorten))} {(keys.Count == 1 ? "is a parameter" : "are parameters")} of '{fitting[0].Name}')");
        var candidates = keys.Count > 0 && fitting.Count > 1 ? fitting : catalog.All;
        return ("NAME", $", where NAME is one of: {string.Join(", ", candidates.Select(m => m.Name))}");
    }

    private static void CheckAtMost(MechanismDefinition definition, Dictionary<string, string> values,
        Dictionary<string, YNode> nodes, LocationInfo mechanismLocation, List<DiagnosticInfo> diagnostics)
    {
        foreach (var parameter in definition.Parameters.Where(p => p.AtMost is not null))
        {
            var value = long.Parse(values[parameter.Name], System.Globalization.CultureInfo.InvariantCulture);
            var limit = long.Parse(values[parameter.AtMost!], System.Globalization.CultureInfo.InvariantCulture);
            if (value <= limit) continue;
            var where = nodes.TryGetValue(parameter.Name, out var node) ? node.Location : mechanismLocation;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterRange, where,
                parameter.Name, definition.Name, values[parameter.Name], $"{parameter.Min}..{parameter.AtMost} ({limit})"));
        }
    }

    private static void CheckLevelRefs(MechanismDefinition definition, Dictionary<string, string> values,
        Dictionary<string, YNode> nodes, LocationInfo mechanismLocation, List<DiagnosticInfo> diagnostics)
    {
        foreach (var parameter in definition.Parameters.Where(p => p.Kind == ParameterKind.LevelRef))
        {
            var declared = values[parameter.LevelSource!].Split(',').Select(l => l.Split('=')[0]).ToList();
            if (declared.Contains(values[parameter.Name])) continue;
            var where = nodes.TryGetValue(parameter.Name, out var node) ? node.Location : mechanismLocation;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UndeclaredLevel, where,
                values[parameter.Name], definition.Name, string.Join(", ", declared), Suggestions.DidYouMean(values[parameter.Name], declared)));
        }
    }
}
