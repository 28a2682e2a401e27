using System.Collections.Generic;
using System.Linq;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Generator.Parsing;
using LazyMmuGen.Generator.Yaml;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// A definition's <c>store-level: { register: PARAM, level: PARAM }</c>: page tables are writable only while the
/// register its identifier parameter names holds the level its level-ref parameter names (arm64 kpkeys). The
/// generator emits it with the arch's values as the arch type's StoreGuards (ArchFacts.StoreGuards reads them), and the
/// machine faults any other store.
/// </summary>
public sealed record StoreLevelDefinition(string RegisterParameter, string LevelParameter)
{
    private static readonly string[] Keys = { "register", "level" };

    /// <summary>The declaration, or null (absent, or LMG0024 added at its line and column).</summary>
    public static StoreLevelDefinition? Read(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, IReadOnlyList<ParameterDefinition> parameters,
        List<DiagnosticInfo> diagnostics)
    {
        if (!fields.TryGetValue("store-level", out var entry)) return null;
        if (entry.Value is not YMapping map)
            return Fail(diagnostics, entry.Value.Location, "'store-level' must be a mapping: { register: PARAMETER, level: PARAMETER }");
        var before = diagnostics.Count;
        var names = new Dictionary<string, YScalar>();
        foreach (var pair in map.Entries)
        {
            if (!Keys.Contains(pair.Key.Value))
                Fail(diagnostics, pair.Key.Location, $"'{ParameterReader.Shorten(pair.Key.Value)}' is not a store-level field.{Suggestions.DidYouMean(pair.Key.Value, Keys)} Fields: register, level");
            else if (pair.Value is not YScalar { IsNull: false } name)
                Fail(diagnostics, pair.Value.Location, $"store-level '{pair.Key.Value}' names a parameter of this mechanism");
            else
                names[pair.Key.Value] = name;
        }
        var register = Parameter(names, "register", ParameterKind.Identifier, "an identifier parameter (the register's name)", map, parameters, diagnostics);
        var level = Parameter(names, "level", ParameterKind.LevelRef, "a level-ref parameter (the level that grants page-table writes)", map, parameters, diagnostics);
        return diagnostics.Count == before && register is not null && level is not null ? new StoreLevelDefinition(register, level) : null;
    }

    private static string? Parameter(Dictionary<string, YScalar> names, string key, ParameterKind kind, string what, YMapping map,
        IReadOnlyList<ParameterDefinition> parameters, List<DiagnosticInfo> diagnostics)
    {
        if (!names.TryGetValue(key, out var name))
        {
            Fail(diagnostics, map.Location, $"'store-level' needs '{key}: PARAMETER', {what}");
            return null;
        }
        var parameter = parameters.FirstOrDefault(p => p.Name == name.Value);
        var candidates = parameters.Where(p => p.Kind == kind).Select(p => p.Name).ToList();
        if (parameter is null || parameter.Kind != kind)
        {
            var found = parameter is null ? "no parameter of this mechanism" : $"of type {TypeName(parameter.Kind)}";
            Fail(diagnostics, name.Location, $"store-level '{key}' must name {what}, but '{ParameterReader.Shorten(name.Value)}' is {found}."
                + $"{Suggestions.DidYouMean(name.Value, candidates)} Candidates: {(candidates.Count == 0 ? "none" : string.Join(", ", candidates))}");
            return null;
        }
        return name.Value;
    }

    /// <summary>The guard with <paramref name="spec"/>'s values: the register's name, the level's name and its value.</summary>
    public (string Register, string LevelName, long Level) For(MechanismSpec spec, MechanismDefinition definition)
    {
        var levelName = spec.Get(LevelParameter);
        var source = definition.Parameters.First(p => p.Name == LevelParameter).LevelSource!;
        var value = spec.Get(source).Split(',').Select(pair => pair.Split('=')).First(parts => parts[0] == levelName)[1];
        return (spec.Get(RegisterParameter), levelName, long.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A parameter kind as a definition writes its type ("level-ref").</summary>
    private static string TypeName(ParameterKind kind) => System.Text.RegularExpressions.Regex.Replace(kind.ToString(), "(?<=[a-z])([A-Z])", "-$1").ToLowerInvariant();

    private static StoreLevelDefinition? Fail(List<DiagnosticInfo> diagnostics, LocationInfo location, string message)
    {
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMechanismDefinition, location, message));
        return null;
    }
}
