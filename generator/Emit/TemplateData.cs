using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Generator.Parsing;

namespace LazyMmuGen.Generator.Emit;

/// <summary>Turns canonical parameter text into the values templates see (numbers, flags, level lists).</summary>
public static class TemplateData
{
    public static Dictionary<string, object> Parameters(MechanismDefinition definition, MechanismSpec spec)
    {
        var data = new Dictionary<string, object>();
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
            data[NameRules.ToCamel(parameter.Name)] = parameter.Kind switch
            {
                ParameterKind.Integer => long.Parse(text, CultureInfo.InvariantCulture),
                ParameterKind.Boolean => text == "true",
                ParameterKind.ChoiceList => parameter.Choices.ToDictionary(NameRules.ToCamel, c => (object)text.Split(',').Contains(c)),
                ParameterKind.LevelMap => levels.Select(l => new Dictionary<string, object> { ["name"] = l.Key, ["value"] = l.Value }).ToList(),
                ParameterKind.LevelRef => new Dictionary<string, object> { ["name"] = text, ["value"] = levels[text] },
                ParameterKind.Identifier => new Dictionary<string, object> { ["name"] = text, ["literal"] = CSharpText.Literal(text) },
                _ => text,
            };
        }
        return data;
    }

    /// <summary>Which mechanisms the arch composes, for fragments that adapt to a neighbour (kpkeys' restore).</summary>
    public static Dictionary<string, object> Composition(ArchSpec spec) =>
        MechanismCatalog.All.ToDictionary(m => NameRules.ToCamel(m.Name), m => (object)spec.Mechanisms.Any(x => x.Kind == m.Name));
}
