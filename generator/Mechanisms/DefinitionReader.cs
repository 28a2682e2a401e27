using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Emit;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Generator.Parsing;
using LazyMmuGen.Generator.Yaml;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// mechanisms/NAME/mechanism.yaml → <see cref="MechanismDefinition"/>, or LMG0024 at the definition's line and
/// column. Read with the descriptors' own YAML reader, so the same limits and located errors apply.
/// Never throws (except on cancellation).
/// </summary>
public static class DefinitionReader
{
    private static readonly string[] Fields = { "mechanism", "summary", "kernel", "claims", "phases", "parameters", "effects", "batching", "cpu-symmetric", "store-level" };
    private static readonly string[] BatchingFields = { "effects", "capacity", "per-flush", "key-changes", "unbatched" };
    private static readonly System.Text.RegularExpressions.Regex CapacityTerm =
        new(@"^(?<a>[a-z][a-z0-9-]*|[0-9]+)(\s*/\s*(?<b>[a-z][a-z0-9-]*|[0-9]+))?(\s*-\s*(?<k>[0-9]+))?$");
    private static readonly string[] EffectFields = { "name", "doc", "cycles", "source" };
    private static readonly System.Text.RegularExpressions.Regex EffectName = new("^[a-z][a-z0-9]*(_[a-z0-9]+)*$");
    private static readonly string[] ParameterFields = { "name", "type", "doc", "default", "min", "max", "choices", "levels-from", "at-most" };

    private static readonly Dictionary<string, ParameterKind> Types = new(StringComparer.Ordinal)
    {
        ["integer"] = ParameterKind.Integer, ["boolean"] = ParameterKind.Boolean, ["choice"] = ParameterKind.Choice,
        ["choice-list"] = ParameterKind.ChoiceList, ["identifier"] = ParameterKind.Identifier,
        ["level-map"] = ParameterKind.LevelMap, ["level-ref"] = ParameterKind.LevelRef,
    };

    private static readonly Dictionary<string, int> Phases = new(StringComparer.Ordinal)
    {
        ["pin"] = HookPhase.Pin, ["restore"] = HookPhase.Restore, ["setup"] = HookPhase.Setup,
        ["drain"] = HookPhase.Drain, ["release"] = HookPhase.Release,
    };

    public static MechanismDefinition? Read(string path, string text, List<DiagnosticInfo> diagnostics, CancellationToken ct)
    {
        var start = diagnostics.Count;
        try
        {
            var definition = ReadCore(path, text, diagnostics, ct);
            return diagnostics.Count == start ? definition : null;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.FileStart(path), e.GetType().Name + ": " + e.Message));
            return null;
        }
    }

    private static MechanismDefinition? ReadCore(string path, string text, List<DiagnosticInfo> diagnostics, CancellationToken ct)
    {
        var root = YamlTreeReader.Read(path, text, diagnostics, ct);
        if (diagnostics.Count > 0) return null;
        if (root is not YMapping map) return Fail(diagnostics, root?.Location ?? LocationInfo.FileStart(path), "expected a mapping that starts with 'mechanism: NAME'");
        var fields = Entries(map, Fields, diagnostics, "field");

        var name = Text(fields, "mechanism", map, diagnostics, required: true);
        if (name is not null && !NameRules.IsValidArchName(name.Value))
            Fail(diagnostics, name.Location, $"'{ParameterReader.Shorten(name.Value)}' is not a mechanism name: lowercase letters and digits in dash-separated words (e.g. svinval-batch)");
        var summary = Text(fields, "summary", map, diagnostics, required: true);
        var kernel = Text(fields, "kernel", map, diagnostics, required: false);
        var parameters = ReadParameters(fields, diagnostics);
        var claims = ReadClaims(fields, parameters, diagnostics);
        var phaseLocations = new Dictionary<string, LocationInfo>(StringComparer.Ordinal);
        var phases = ReadPhases(fields, phaseLocations, diagnostics);
        var (declared, uses) = ReadEffects(fields, name?.Value ?? "", diagnostics);
        var batching = ReadBatching(fields, parameters, uses, diagnostics);
        var cpuSymmetric = ReadCpuSymmetric(fields, diagnostics);
        var storeLevel = StoreLevelDefinition.Read(fields, parameters, diagnostics);
        if (diagnostics.Count > 0 || name is null || summary is null) return null;
        return new MechanismDefinition(name.Value, summary.Value, parameters, spec => claims.Select(c => Substitute(c, spec)), phases)
        {
            Kernel = kernel?.Value ?? "",
            Claims = claims,
            DefinitionPath = path,
            PhaseLocations = phaseLocations,
            NameLocation = name.Location,
            DeclaredEffects = declared,
            Effects = uses,
            Batching = batching,
            CpuSymmetric = cpuSymmetric,
            StoreLevel = storeLevel,
        };
    }

    /// <summary>
    /// 'cpu-symmetric': true when the mechanism's fragments and primitive treat CPU numbers only as names (they
    /// neither branch on one nor keep one in state; a message may quote one), so the checker may identify states that
    /// differ only by which CPU is which (docs/checker.md#symmetry). Absent: false.
    /// </summary>
    private static bool ReadCpuSymmetric(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, List<DiagnosticInfo> diagnostics)
    {
        if (!fields.TryGetValue("cpu-symmetric", out var entry)) return false;
        if (entry.Value is YScalar { IsPlain: true, Value: "true" or "false" } flag) return flag.Value == "true";
        var got = entry.Value is YScalar scalar ? $"got '{ParameterReader.Shorten(scalar.Value)}'" : "got a list or mapping";
        Fail(diagnostics, entry.Value.Location, $"'cpu-symmetric' is true or false (unquoted), {got}: true when the mechanism never branches on a CPU number nor keeps one in its state");
        return false;
    }

    /// <summary>
    /// 'batching': the "batching is real" bound (docs/mechanisms.md#batching). Its effects must be kinds this
    /// mechanism lists under 'effects'; its capacity terms may name only integer parameters.
    /// </summary>
    private static BatchingDefinition? ReadBatching(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, List<ParameterDefinition> parameters,
        List<EffectUse> uses, List<DiagnosticInfo> diagnostics)
    {
        if (!fields.TryGetValue("batching", out var entry)) return null;
        if (entry.Value is not YMapping map)
            return Fail<BatchingDefinition>(diagnostics, entry.Value.Location, "'batching' must be a mapping: 'effects: [KIND]', optional 'capacity', 'per-flush', 'key-changes' and 'unbatched'");
        var before = diagnostics.Count;
        var b = Entries(map, BatchingFields, diagnostics, "batching field");
        var effects = new List<string>();
        if (!b.TryGetValue("effects", out var e)) Fail(diagnostics, map.Location, "'batching' needs 'effects: [KIND]': the kinds that count one batched flush");
        else
        {
            foreach (var item in e.Value is YSequence seq ? seq.Items : new List<YNode> { e.Value })
            {
                if (item is not YScalar { IsNull: false } kind) { Fail(diagnostics, item.Location, "a batching effect is a kind name, e.g. tlb_flush"); continue; }
                if (!uses.Any(u => u.Name == kind.Value))
                    Fail(diagnostics, kind.Location, $"batching effect '{ParameterReader.Shorten(kind.Value)}' is not one of this mechanism's effects.{Suggestions.DidYouMean(kind.Value, uses.Select(u => u.Name))} Effects: {string.Join(", ", uses.Select(u => u.Name))}");
                else if (effects.Contains(kind.Value)) Fail(diagnostics, kind.Location, $"batching effect '{kind.Value}' is listed twice");
                else effects.Add(kind.Value);
            }
            if (effects.Count == 0 && diagnostics.Count == before) Fail(diagnostics, e.Value.Location, "'batching' needs at least one effect kind");
        }
        var terms = new List<CapacityTerm>();
        if (b.TryGetValue("capacity", out var c))
        {
            foreach (var item in c.Value is YSequence seq ? seq.Items : new List<YNode> { c.Value })
            {
                var match = item is YScalar { IsNull: false } s ? CapacityTerm.Match(s.Value.Trim()) : null;
                if (match is null || !match.Success)
                {
                    Fail(diagnostics, item.Location, "a capacity is an integer parameter or literal, optionally divided by one and minus a literal: 'capacity', 'arg-bytes / update-bytes - 1'");
                    continue;
                }
                var term = new CapacityTerm(match.Groups["a"].Value, match.Groups["b"].Success ? match.Groups["b"].Value : null,
                    match.Groups["k"].Success ? long.Parse(match.Groups["k"].Value, CultureInfo.InvariantCulture) : 0, ((YScalar)item).Value);
                var bad = term.Parameters.FirstOrDefault(n => !parameters.Any(p => p.Name == n && p.Kind == ParameterKind.Integer));
                if (bad is not null)
                    Fail(diagnostics, item.Location, parameters.Any(p => p.Name == bad)
                        ? $"capacity '{ParameterReader.Shorten(term.Text)}' names '{bad}', which is not an integer parameter"
                        : $"capacity '{ParameterReader.Shorten(term.Text)}' names '{ParameterReader.Shorten(bad)}', which is not a parameter of this mechanism.{Suggestions.DidYouMean(bad, parameters.Select(p => p.Name))}");
                else terms.Add(term);
            }
        }
        var perFlush = 1;
        var distinct = false;
        if (b.TryGetValue("per-flush", out var pf))
        {
            if (pf.Value is YScalar { IsPlain: true } s && s.Value == "distinct-ptes") distinct = true;
            else if (pf.Value is YScalar { IsPlain: true } n && int.TryParse(n.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1) perFlush = v;
            else Fail(diagnostics, pf.Value.Location, "'per-flush' is the most counted effects a flush point with deferred writes emits: an integer, 1 or more, or 'distinct-ptes'");
        }
        var keyChanges = false;
        if (b.TryGetValue("key-changes", out var kc))
        {
            if (kc.Value is YScalar { IsPlain: true } s && s.Value is "true" or "false") keyChanges = s.Value == "true";
            else Fail(diagnostics, kc.Value.Location, "'key-changes' must be true or false");
        }
        var unbatched = 0;
        if (b.TryGetValue("unbatched", out var u))
        {
            if (u.Value is not YScalar { IsPlain: true } s || !int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out unbatched))
                Fail(diagnostics, u.Value.Location, "'unbatched' must be an integer, 0 or more");
        }
        return diagnostics.Count == before ? new BatchingDefinition(effects, terms, perFlush, distinct, keyChanges, unbatched) : null;
    }

    private static List<ParameterDefinition> ReadParameters(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, List<DiagnosticInfo> diagnostics)
    {
        var result = new List<ParameterDefinition>();
        if (!fields.TryGetValue("parameters", out var entry)) return result;
        if (entry.Value is YScalar { IsNull: true }) return result;
        if (entry.Value is not YSequence list)
        {
            Fail(diagnostics, entry.Value.Location, "'parameters' must be a list of parameters, each '- name: NAME' with its 'type' and 'doc'");
            return result;
        }
        foreach (var item in list.Items)
        {
            if (item is not YMapping pm)
            {
                Fail(diagnostics, item.Location, "a parameter must be a mapping: '- name: NAME', 'type: TYPE', 'doc: TEXT'");
                continue;
            }
            var p = ReadParameter(pm, result, diagnostics);
            if (p is not null) result.Add(p);
        }
        // Cross-references are checked once every parameter is known.
        foreach (var p in result)
        {
            if (p.LevelSource is { } source && !result.Any(o => o.Name == source && o.Kind == ParameterKind.LevelMap))
                Fail(diagnostics, list.Location, $"parameter '{p.Name}': 'levels-from: {source}' names no level-map parameter");
            if (p.AtMost is { } bound && !result.Any(o => o.Name == bound && o.Kind == ParameterKind.Integer))
                Fail(diagnostics, list.Location, $"parameter '{p.Name}': 'at-most: {bound}' names no integer parameter");
        }
        return result;
    }

    private static ParameterDefinition? ReadParameter(YMapping map, List<ParameterDefinition> earlier, List<DiagnosticInfo> diagnostics)
    {
        var before = diagnostics.Count;
        var fields = Entries(map, ParameterFields, diagnostics, "parameter field");
        var name = Text(fields, "name", map, diagnostics, required: true);
        var type = Text(fields, "type", map, diagnostics, required: true);
        var doc = Text(fields, "doc", map, diagnostics, required: true);
        if (name is null || type is null || doc is null) return null;
        if (!NameRules.IsValidArchName(name.Value) || name.Value == "kind")
            return Fail<ParameterDefinition>(diagnostics, name.Location, $"'{ParameterReader.Shorten(name.Value)}' is not a parameter name: lowercase dash-separated words, not 'kind'");
        if (earlier.Any(p => p.Name == name.Value))
            return Fail<ParameterDefinition>(diagnostics, name.Location, $"parameter '{name.Value}' is defined twice");
        if (!Types.TryGetValue(type.Value, out var kind))
            return Fail<ParameterDefinition>(diagnostics, type.Location, $"unknown parameter type '{ParameterReader.Shorten(type.Value)}'.{Suggestions.DidYouMean(type.Value, Types.Keys)} Types: {string.Join(", ", Types.Keys)}");

        var choices = fields.TryGetValue("choices", out var c) ? Names(c.Value, diagnostics, "choices") : new List<string>();
        if ((kind is ParameterKind.Choice or ParameterKind.ChoiceList) && choices.Count == 0)
            Fail(diagnostics, type.Location, $"a {type.Value} parameter needs 'choices: [a, b]'");
        var levelSource = Text(fields, "levels-from", map, diagnostics, required: kind == ParameterKind.LevelRef);
        var atMost = Text(fields, "at-most", map, diagnostics, required: false);
        var min = Integer(fields, "min", diagnostics) ?? long.MinValue;
        var max = Integer(fields, "max", diagnostics) ?? long.MaxValue;
        if (min > max) Fail(diagnostics, map.Location, $"parameter '{name.Value}': min {min} is above max {max}");
        var p = new ParameterDefinition(name.Value, kind, doc.Value, Default(fields, kind, choices, diagnostics))
        {
            Min = min,
            Max = max,
            Choices = choices,
            LevelSource = levelSource?.Value,
            AtMost = atMost?.Value,
        };
        if (p.Default is { } d && kind == ParameterKind.Integer &&
            (!long.TryParse(d, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max))
            Fail(diagnostics, fields["default"].Value.Location, $"default {d} of '{name.Value}' is not an integer in {min}..{max}");
        return diagnostics.Count == before ? p : null;
    }

    /// <summary>The default as canonical text (what a descriptor value reads as): "true", "16", "mm,page-size".</summary>
    private static string? Default(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, ParameterKind kind, List<string> choices, List<DiagnosticInfo> diagnostics)
    {
        if (!fields.TryGetValue("default", out var entry)) return null;
        var values = entry.Value is YSequence ? Names(entry.Value, diagnostics, "default") : entry.Value is YScalar s ? new List<string> { s.Value } : null;
        if (values is null || values.Count == 0) return Fail<string>(diagnostics, entry.Value.Location, "a default is one value or a list of choices");
        var ok = kind switch
        {
            ParameterKind.Boolean => values.Count == 1 && values[0] is "true" or "false",
            ParameterKind.Choice => values.Count == 1 && choices.Contains(values[0]),
            ParameterKind.ChoiceList => values.All(choices.Contains),
            ParameterKind.Identifier or ParameterKind.LevelRef => values.Count == 1 && NameRules.IsIdentifier(values[0]),
            ParameterKind.Integer => values.Count == 1,
            _ => false,
        };
        return ok ? string.Join(",", values) : Fail<string>(diagnostics, entry.Value.Location, $"default '{ParameterReader.Shorten(string.Join(", ", values))}' does not fit the parameter's type");
    }

    private static List<string> ReadClaims(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, List<ParameterDefinition> parameters, List<DiagnosticInfo> diagnostics)
    {
        if (!fields.TryGetValue("claims", out var entry)) return new List<string>();
        var claims = Names(entry.Value, diagnostics, "claims", allowPlaceholders: true);
        if (entry.Value is YSequence items)
        {
            foreach (var item in items.Items)
            {
                if (item is not YScalar { IsNull: false } claim || !claims.Contains(claim.Value) || Resources.IsKnown(claim.Value)) continue;
                Fail(diagnostics, item.Location,
                    $"claim '{ParameterReader.Shorten(claim.Value)}' is not a resource.{Resources.DidYouMean(claim.Value)} "
                    + $"Resources: {string.Join(", ", Resources.Names)} (docs/descriptor-reference.md, \"Resources\"). A claim keeps two mechanisms "
                    + "from composing only when both spell it alike; a mechanism that owns none of these claims nothing: 'claims: []'");
                claims.Remove(claim.Value);
            }
        }
        foreach (var claim in claims)
        {
            var open = claim.IndexOf('{');
            if (open < 0) continue;
            var close = claim.IndexOf('}', open);
            var parameter = close > open ? claim.Substring(open + 1, close - open - 1) : "";
            if (!parameters.Any(p => p.Name == parameter))
                Fail(diagnostics, entry.Value.Location, $"claim '{claim}' names '{{{parameter}}}', which is not a parameter of this mechanism");
        }
        return claims;
    }

    /// <summary>
    /// 'effects': what the mechanism's fragments and primitive emit. A mapping declares a kind here (name, doc,
    /// cycles, source); a bare name uses a kind another mechanism declares ('isb' in register-switch).
    /// </summary>
    private static (List<EffectDefinition>, List<EffectUse>) ReadEffects(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, string owner, List<DiagnosticInfo> diagnostics)
    {
        var declared = new List<EffectDefinition>();
        var uses = new List<EffectUse>();
        if (!fields.TryGetValue("effects", out var entry) || entry.Value is YScalar { IsNull: true }) return (declared, uses);
        if (entry.Value is not YSequence list)
        {
            Fail(diagnostics, entry.Value.Location, "'effects' must be a list: '- name: NAME' with 'doc', 'cycles' and 'source' to declare a kind, or '- NAME' to emit one another mechanism declares");
            return (declared, uses);
        }
        foreach (var item in list.Items)
        {
            YScalar? name;
            if (item is YScalar { IsNull: false } reference) name = reference;
            else if (item is YMapping map) name = ReadEffect(map, owner, declared, diagnostics);
            else { Fail(diagnostics, item.Location, "an effect is '- name: NAME' with 'doc', 'cycles' and 'source', or a bare name"); continue; }
            if (name is null) continue;
            if (!EffectName.IsMatch(name.Value))
                Fail(diagnostics, name.Location, $"'{ParameterReader.Shorten(name.Value)}' is not an effect name: lowercase snake_case words, as counters print (e.g. tlb_flush)");
            else if (uses.Any(u => u.Name == name.Value))
                Fail(diagnostics, name.Location, $"effect '{name.Value}' is listed twice");
            else
                uses.Add(new EffectUse(name.Value, name.Location));
        }
        return (declared, uses);
    }

    private static YScalar? ReadEffect(YMapping map, string owner, List<EffectDefinition> declared, List<DiagnosticInfo> diagnostics)
    {
        var before = diagnostics.Count;
        var fields = Entries(map, EffectFields, diagnostics, "effect field");
        // A misspelt field ('cylces') is reported with its suggestion; a "missing" error beside it would say it twice.
        var required = diagnostics.Count == before;
        var name = Text(fields, "name", map, diagnostics, required: true);
        var doc = Text(fields, "doc", map, diagnostics, required);
        var source = Text(fields, "source", map, diagnostics, required);
        double cycles = 0;
        if (!fields.TryGetValue("cycles", out var c)) { if (required) Fail(diagnostics, map.Location, "'cycles' is missing: the default cost of one occurrence, for the simulator"); }
        else if (c.Value is not YScalar { IsPlain: true } s || !double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out cycles) || cycles < 0 || double.IsInfinity(cycles))
            Fail(diagnostics, c.Value.Location, "'cycles' must be a number of cycles, 0 or more");
        if (name is not null && doc is not null && source is not null && diagnostics.Count == before)
            declared.Add(new EffectDefinition(name.Value, owner, declared.Count, doc.Value, cycles, source.Value) { Location = name.Location });
        return name;
    }

    private static Dictionary<string, int> ReadPhases(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, Dictionary<string, LocationInfo> locations,
        List<DiagnosticInfo> diagnostics)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!fields.TryGetValue("phases", out var entry)) return result;
        if (entry.Value is not YMapping map)
        {
            Fail(diagnostics, entry.Value.Location, "'phases' must map hooks to phases, e.g. { leave: drain, flush: drain }");
            return result;
        }
        foreach (var pair in map.Entries)
        {
            if (!Hooks.All.Contains(pair.Key.Value))
                Fail(diagnostics, pair.Key.Location, $"'{ParameterReader.Shorten(pair.Key.Value)}' is not a hook.{Suggestions.DidYouMean(pair.Key.Value, Hooks.All)} Hooks: {string.Join(", ", Hooks.All)}");
            else if (pair.Value is not YScalar phase || !Phases.TryGetValue(phase.Value, out var value))
                Fail(diagnostics, pair.Value.Location, pair.Value is YScalar given
                    ? $"'{ParameterReader.Shorten(given.Value)}' is not a phase (of '{pair.Key.Value}').{Suggestions.DidYouMean(given.Value, Phases.Keys)} Phases: {string.Join(", ", Phases.Keys)}"
                    : $"the phase of '{pair.Key.Value}' must be one of {string.Join(", ", Phases.Keys)}");
            else
            {
                result[pair.Key.Value] = value;
                locations[pair.Key.Value] = pair.Key.Location;
            }
        }
        return result;
    }

    /// <summary>"register:{register}" with register = POR_EL1 → "register:POR_EL1".</summary>
    private static string Substitute(string claim, MechanismSpec spec)
    {
        var open = claim.IndexOf('{');
        if (open < 0) return claim;
        var close = claim.IndexOf('}', open);
        return claim.Substring(0, open) + spec.Get(claim.Substring(open + 1, close - open - 1)) + claim.Substring(close + 1);
    }

    private static Dictionary<string, KeyValuePair<YScalar, YNode>> Entries(YMapping map, string[] known, List<DiagnosticInfo> diagnostics, string what)
    {
        var result = new Dictionary<string, KeyValuePair<YScalar, YNode>>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (known.Contains(entry.Key.Value)) result[entry.Key.Value] = entry;
            else Fail(diagnostics, entry.Key.Location, $"unknown {what} '{ParameterReader.Shorten(entry.Key.Value)}'.{Suggestions.DidYouMean(entry.Key.Value, known)} Known: {string.Join(", ", known)}");
        }
        return result;
    }

    private static YScalar? Text(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, string key, YMapping map, List<DiagnosticInfo> diagnostics, bool required)
    {
        if (!fields.TryGetValue(key, out var entry))
        {
            if (required) Fail(diagnostics, map.Location, $"'{key}' is missing");
            return null;
        }
        if (entry.Value is YScalar { IsNull: false } scalar && TextRules.Problem(scalar.Value) is null) return scalar;
        Fail(diagnostics, entry.Value.Location, $"'{key}' must be one line of text");
        return null;
    }

    private static long? Integer(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, string key, List<DiagnosticInfo> diagnostics)
    {
        if (!fields.TryGetValue(key, out var entry)) return null;
        if (entry.Value is YScalar { IsPlain: true } s && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        Fail(diagnostics, entry.Value.Location, $"'{key}' must be an integer");
        return null;
    }

    private static List<string> Names(YNode node, List<DiagnosticInfo> diagnostics, string key, bool allowPlaceholders = false)
    {
        var result = new List<string>();
        if (node is YScalar { IsNull: true }) return result;
        if (node is not YSequence list)
        {
            Fail(diagnostics, node.Location, $"'{key}' must be a list, e.g. [a, b]");
            return result;
        }
        foreach (var item in list.Items)
        {
            var valid = item is YScalar s && (NameRules.IsValidArchName(s.Value) || NameRules.IsIdentifier(s.Value)
                || allowPlaceholders && System.Text.RegularExpressions.Regex.IsMatch(s.Value, "^[a-z][a-z0-9-]*(:[a-z0-9-]*)?(\\{[a-z][a-z0-9-]*\\})?$"));
            if (valid && result.Contains(((YScalar)item).Value)) Fail(diagnostics, item.Location, $"'{((YScalar)item).Value}' is listed twice in '{key}'");
            else if (valid) result.Add(((YScalar)item).Value);
            else Fail(diagnostics, item.Location, $"'{key}' items are names such as pte-completion");
        }
        return result;
    }

    private static T? Fail<T>(List<DiagnosticInfo> diagnostics, LocationInfo location, string message) where T : class
    {
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMechanismDefinition, location, message));
        return null;
    }

    private static MechanismDefinition? Fail(List<DiagnosticInfo> diagnostics, LocationInfo location, string message) =>
        Fail<MechanismDefinition>(diagnostics, location, message);
}
