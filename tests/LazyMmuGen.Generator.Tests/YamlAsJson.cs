using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// A descriptor as the JSON an editor's YAML language server validates against the schema: YAML 1.2 core
/// schema typing of plain scalars (integers, booleans, null), quoted scalars as strings. Null when the text is
/// not one YAML document the representation model can load (the generator rejects those itself).
/// </summary>
public static class YamlAsJson
{
    private static readonly Regex Integer = new(@"^[-+]?(0|[1-9][0-9]*)$|^0o[0-7]+$|^0x[0-9a-fA-F]+$");
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    public static JsonNode? Convert(string yaml, out bool loaded)
    {
        loaded = false;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count != 1) return null;
            loaded = true;
            return Node(stream.Documents[0].RootNode);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", Node(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Node).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain) return JsonValue.Create(value);
        if (value is "" or "~" or "null" or "Null" or "NULL") return null;
        if (value is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (value is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (Integer.IsMatch(value) && long.TryParse(value, out var n)) return JsonValue.Create(n);
        if (Float.IsMatch(value) && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
        return JsonValue.Create(value);
    }
}
