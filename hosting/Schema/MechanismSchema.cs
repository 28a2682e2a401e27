using System.Text.Json.Nodes;
using LazyMmuGen.Generator.Mechanisms;

namespace LazyMmuGen.Hosting.Schema;

/// <summary>One mechanism's schema object, from its definition: kind, one property per parameter, what is required.</summary>
public static class MechanismSchema
{
    private const int MaxLevel = 15;

    public static JsonObject For(MechanismDefinition m)
    {
        var claims = m.Claims.Count == 0 ? "Claims nothing." : "Claims: " + string.Join(", ", m.Claims.Select(c => c.Replace("{", "<").Replace("}", ">"))) + ".";
        var properties = new JsonObject { ["kind"] = new JsonObject { ["description"] = m.Summary, ["const"] = m.Name } };
        foreach (var p in m.Parameters) properties[p.Name] = Parameter(p);
        var schema = new JsonObject
        {
            ["title"] = m.Name,
            ["description"] = m.Summary + (m.Kernel.Length == 0 ? "" : $" ({m.Kernel})") + " " + claims,
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = DescriptorSchema.Strings(new[] { "kind" }.Concat(m.Parameters.Where(p => p.Required).Select(p => p.Name))),
            ["additionalProperties"] = false,
        };
        // A level reference left at its default needs that level to be declared.
        var defaults = new JsonArray();
        foreach (var p in m.Parameters.Where(p => p.Kind == ParameterKind.LevelRef && p.Default is not null && p.LevelSource is not null))
        {
            defaults.Add(new JsonObject
            {
                ["if"] = new JsonObject { ["not"] = new JsonObject { ["required"] = DescriptorSchema.Strings([p.Name]) } },
                ["then"] = new JsonObject
                {
                    ["properties"] = new JsonObject { [p.LevelSource!] = new JsonObject { ["required"] = DescriptorSchema.Strings([p.Default!]) } },
                },
            });
        }
        if (defaults.Count > 0) schema["allOf"] = defaults;
        return schema;
    }

    private static JsonObject Parameter(ParameterDefinition p)
    {
        var schema = new JsonObject { ["description"] = Description(p) };
        switch (p.Kind)
        {
            case ParameterKind.Integer:
                schema["type"] = "integer";
                if (p.Min != long.MinValue) schema["minimum"] = p.Min;
                if (p.Max != long.MaxValue) schema["maximum"] = p.Max;
                if (p.Default is { } d) schema["default"] = long.Parse(d, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case ParameterKind.Boolean:
                schema["type"] = "boolean";
                if (p.Default is { } b) schema["default"] = b == "true";
                break;
            case ParameterKind.Choice:
                schema["enum"] = DescriptorSchema.Strings(p.Choices);
                if (p.Default is { } c) schema["default"] = c;
                break;
            case ParameterKind.ChoiceList:
                var one = new JsonObject { ["enum"] = DescriptorSchema.Strings(p.Choices) };
                schema["anyOf"] = new JsonArray(one, new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = one.DeepClone(),
                    ["minItems"] = 1,
                    ["uniqueItems"] = true,
                });
                if (p.Default is { } list)
                    schema["default"] = list.Contains(',') ? DescriptorSchema.Strings(list.Split(',')) : JsonValue.Create(list);
                break;
            case ParameterKind.LevelMap:
                schema["type"] = "object";
                schema["minProperties"] = 1;
                schema["propertyNames"] = DescriptorSchema.Ref("identifier");
                schema["additionalProperties"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = MaxLevel };
                break;
            default:
                schema["allOf"] = new JsonArray(DescriptorSchema.Ref("identifier"));
                if (p.Default is { } id) schema["default"] = id;
                break;
        }
        return schema;
    }

    /// <summary>The definition's doc, then what the schema alone does not show (required, references, bounds).</summary>
    private static string Description(ParameterDefinition p)
    {
        var parts = new List<string> { p.Description.TrimEnd() };
        if (p.Required) parts.Add("Required.");
        switch (p.Kind)
        {
            case ParameterKind.ChoiceList: parts.Add("One name or a non-empty list, each name at most once."); break;
            case ParameterKind.LevelMap: parts.Add($"At least one level, e.g. {{ DEFAULT: 0, PGTABLES: 1 }}; names are identifiers, values are integers 0..{MaxLevel}."); break;
            case ParameterKind.LevelRef: parts.Add($"Must be a name declared in '{p.LevelSource}'."); break;
        }
        if (p.AtMost is { } bound) parts.Add($"At most '{bound}'.");
        return string.Join(" ", parts);
    }
}
