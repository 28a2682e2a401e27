using System.Text.Json;
using System.Text.RegularExpressions;
using LazyMmuGen.Hosting.Schema;

namespace LazyMmuGen.Cli.Scaffolding;

/// <summary>One mechanism parameter as schema/arch.schema.json documents it.</summary>
public sealed record ParameterDoc(string Name, string Description, string Shape, bool Required, string? Default);

/// <summary>
/// Field and parameter documentation read from the descriptor schema (built from the mechanism definitions), the same text
/// an editor shows on hover, so a scaffolded descriptor explains itself in the schema's words.
/// </summary>
public sealed class SchemaDocs
{
    private static readonly Lazy<SchemaDocs> Embedded = new(Load);
    private readonly JsonElement root;

    private SchemaDocs(JsonElement root) => this.root = root;

    public static SchemaDocs Instance => Embedded.Value;

    /// <summary>Top-level fields in schema order (arch, summary, type-name, pause-resume, mechanisms).</summary>
    public IReadOnlyList<string> Fields => root.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();

    public bool IsRequired(string field) => root.TryGetProperty("required", out var required) && required.EnumerateArray().Any(r => r.GetString() == field);

    public string FieldDoc(string field) => Description(root.GetProperty("properties").GetProperty(field));

    /// <summary>Mechanism kinds in schema order.</summary>
    public IReadOnlyList<string> Mechanisms =>
        Definition("mechanismObject").GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();

    public string MechanismDoc(string kind) => Description(Definition(kind));

    public IReadOnlyList<ParameterDoc> Parameters(string kind)
    {
        var definition = Definition(kind);
        var required = definition.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
        return definition.GetProperty("properties").EnumerateObject()
            .Where(p => p.Name != "kind")
            .Select(p => new ParameterDoc(p.Name, Description(p.Value), Shape(p.Value), required.Contains(p.Name),
                p.Value.TryGetProperty("default", out var d) ? Yaml(d) : null))
            .ToList();
    }

    private JsonElement Definition(string name) => root.GetProperty("$defs").GetProperty(name);

    /// <summary>The description, without the schema's "Required." (the scaffold says required or optional itself).</summary>
    private static string Description(JsonElement element) =>
        element.TryGetProperty("description", out var d)
            ? Regex.Replace(d.GetString() ?? "", @"(^|\s)Required[.;](\s+|$)(\w?)", m => m.Groups[1].Value + m.Groups[3].Value.ToUpperInvariant()).Trim()
            : "";

    /// <summary>What a value looks like: "integer 1..255", "true or false", "identifier", "mm, page-size, ... (one or a list)".</summary>
    private string Shape(JsonElement p)
    {
        if (p.TryGetProperty("$ref", out var reference)) return RefShape(reference.GetString()!);
        if (p.TryGetProperty("allOf", out var all)) return Shape(all[0]);
        if (p.TryGetProperty("anyOf", out var any))
        {
            var single = Shape(any[0]);
            return any.EnumerateArray().Any(a => a.TryGetProperty("type", out var t) && t.GetString() == "array") ? single + " (one, or a list)" : single;
        }
        if (p.TryGetProperty("enum", out var values)) return string.Join(", ", values.EnumerateArray().Select(v => v.GetString()));
        var type = p.TryGetProperty("type", out var ty) && ty.ValueKind == JsonValueKind.String ? ty.GetString() : null;
        return type switch
        {
            "integer" => "integer" + Range(p),
            "boolean" => "true or false",
            "object" when p.TryGetProperty("additionalProperties", out var values2) && values2.ValueKind == JsonValueKind.Object =>
                "mapping of identifier to integer" + Range(values2),
            _ => type ?? "value",
        };
    }

    private string RefShape(string reference)
    {
        var name = reference.Substring(reference.LastIndexOf('/') + 1);
        return name == "identifier" ? "identifier" : Shape(Definition(name));
    }

    private static string Range(JsonElement p) =>
        p.TryGetProperty("minimum", out var min) && p.TryGetProperty("maximum", out var max)
            ? $" {min.GetRawText()}..{max.GetRawText()}"
            : "";

    private static string Yaml(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };

    /// <summary>The schema (what `lazymmu schema` prints, and schema/arch.schema.json holds).</summary>
    public static string Text() => DescriptorSchema.Text;

    private static SchemaDocs Load()
    {
        using var document = JsonDocument.Parse(DescriptorSchema.Text);
        return new SchemaDocs(document.RootElement.Clone());
    }
}
