using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;
using Scriban.Runtime;

namespace LazyMmuGen.Generator.Emit;

/// <summary>
/// Turns canonical parameter text into the values fragments see as <c>p.NAME</c> (NAME with '-' as '_'):
/// integers, booleans, a set of choices (<c>p.flush_keys.mm</c>), levels and identifiers as records.
/// Parameters are keyed by name because mechanisms declare them as data; each value is typed.
/// </summary>
public static class TemplateData
{
    public static ScriptObject Parameters(MechanismDefinition definition, MechanismSpec spec)
    {
        var data = new ScriptObject();
        var levels = new Dictionary<string, long>();
        foreach (var parameter in definition.Parameters.Where(p => p.Kind == ParameterKind.LevelMap))
        {
            foreach (var pair in spec.Get(parameter.Name).Split(','))
            {
                var parts = pair.Split('=');
                levels[parts[0]] = long.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }
        foreach (var parameter in definition.Parameters)
        {
            var text = spec.Get(parameter.Name);
            data[TemplateName(parameter.Name)] = parameter.Kind switch
            {
                ParameterKind.Integer => long.Parse(text, CultureInfo.InvariantCulture),
                ParameterKind.Boolean => text == "true",
                ParameterKind.ChoiceList => Choices(parameter.Choices, text.Split(',')),
                ParameterKind.LevelMap => levels.Select(l => new LevelValue(l.Key, l.Value)).ToList(),
                ParameterKind.LevelRef => new LevelValue(text, levels[text]),
                ParameterKind.Identifier => new IdentifierValue(text, CSharpText.Literal(text)),
                _ => text,
            };
        }
        return data;
    }

    /// <summary>Which mechanisms the arch composes (<c>arch.deferred_barriers</c>), for fragments that adapt to a neighbour.</summary>
    public static ScriptObject Composition(ArchSpec spec, Catalog catalog)
    {
        var data = new ScriptObject();
        foreach (var m in catalog.All) data[TemplateName(m.Name)] = spec.Mechanisms.Any(x => x.Kind == m.Name);
        return data;
    }

    /// <summary>A descriptor name as a template member: "flush-keys" → "flush_keys".</summary>
    public static string TemplateName(string name) => name.Replace('-', '_');

    private static ScriptObject Choices(IEnumerable<string> choices, string[] chosen)
    {
        var data = new ScriptObject();
        foreach (var choice in choices) data[TemplateName(choice)] = chosen.Contains(choice);
        return data;
    }
}

/// <summary>A register level: <c>p.write_level.name</c>, <c>p.write_level.value</c>.</summary>
public sealed record LevelValue(string Name, long Value);

/// <summary>An identifier parameter: its text for names, and as an escaped C# literal.</summary>
public sealed record IdentifierValue(string Name, string Literal);
