using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LazyMmuGen.Generator.Mechanisms;

namespace LazyMmuGen.Hosting.Schema;

/// <summary>
/// The descriptor JSON schema (`lazymmu schema`, schema/arch.schema.json): the top-level fields from
/// descriptor.frame.json, and everything about mechanisms derived from their definitions
/// (<see cref="MechanismCatalog"/>), so a parameter or mechanism added to a mechanism.yaml reaches the schema
/// without a second copy.
/// </summary>
public static class DescriptorSchema
{
    private const string FrameResource = "LazyMmuGen.Hosting.Schema.descriptor.frame.json";
    private static readonly Lazy<string> Built = new(() => Build(MechanismCatalog.All));

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        // Schema patterns and descriptions hold characters (<, >, ', +) editors show verbatim.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema text for the built-in mechanisms, LF line ends, with a final newline.</summary>
    public static string Text => Built.Value;

    public static string Build(IReadOnlyList<MechanismDefinition> mechanisms)
    {
        var root = JsonNode.Parse(Frame())!.AsObject();
        var defs = root["$defs"]!.AsObject();
        defs["mechanismName"] = MechanismName(mechanisms);
        defs["mechanism"] = new JsonObject
        {
            ["description"] = "A mechanism: '- kind: NAME' followed by its parameters, or a bare name for a mechanism with no required parameters.",
            ["anyOf"] = new JsonArray(Ref("mechanismName"), Ref("mechanismObject")),
        };
        defs["mechanismObject"] = MechanismObject(mechanisms);
        foreach (var m in mechanisms) defs[m.Name] = MechanismSchema.For(m);
        // The names the checker reports a broken property under; the generator refuses any other (LMG0002).
        root["properties"]!["expected-violation"]!["properties"]!["property"]!["enum"] = Strings(CheckedProperties.All);
        if (ConflictRules(mechanisms) is { Count: > 0 } rules) root["properties"]!["mechanisms"]!["allOf"] = rules;
        return root.ToJsonString(Output).Replace("\r\n", "\n") + "\n";
    }

    private static JsonObject MechanismName(IReadOnlyList<MechanismDefinition> mechanisms)
    {
        var bare = mechanisms.Where(m => !m.Parameters.Any(p => p.Required)).Select(m => m.Name).ToList();
        var needs = mechanisms.Where(m => m.Parameters.Any(p => p.Required)).Select(m => m.Name).ToList();
        var description = "A mechanism that needs no parameters, written as its bare name (every parameter takes its default)."
            + (needs.Count == 0 ? "" : $" {Join(needs)} {(needs.Count == 1 ? "has" : "have")} required parameters and must use the '- kind: NAME' form.");
        return new JsonObject { ["description"] = description, ["enum"] = Strings(bare) };
    }

    private static JsonObject MechanismObject(IReadOnlyList<MechanismDefinition> mechanisms)
    {
        var which = "Which mechanism. " + string.Join(", ", mechanisms.Select(m => m.Kernel.Length == 0 ? m.Name : $"{m.Name} ({m.Kernel})")) + ".";
        var branches = new JsonArray();
        foreach (var m in mechanisms)
        {
            branches.Add(new JsonObject
            {
                ["if"] = new JsonObject
                {
                    ["properties"] = new JsonObject { ["kind"] = new JsonObject { ["const"] = m.Name } },
                    ["required"] = Strings(["kind"]),
                },
                ["then"] = Ref(m.Name),
            });
        }
        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = Strings(["kind"]),
            ["properties"] = new JsonObject { ["kind"] = new JsonObject { ["description"] = which, ["enum"] = Strings(mechanisms.Select(m => m.Name)) } },
            ["allOf"] = branches,
        };
    }

    /// <summary>
    /// LMG0013 as far as a schema can say it: for each resource claimed by two or more mechanisms, at most one
    /// of them per arch. A resource whose claimers are a subset of another's needs no rule of its own.
    /// Claims with a {parameter} are per value, which a schema cannot compare; only the generator checks them.
    /// </summary>
    private static JsonArray ConflictRules(IReadOnlyList<MechanismDefinition> mechanisms)
    {
        var claimers = mechanisms
            .SelectMany(m => m.Claims.Where(c => !c.Contains('{')).Select(c => (Claim: c, m.Name)))
            .GroupBy(x => x.Claim, x => x.Name)
            .Select(g => g.Distinct().ToList())
            .Where(names => names.Count > 1)
            .ToList();
        var maximal = claimers
            .Where(set => !claimers.Any(other => other.Count > set.Count && set.All(other.Contains)))
            .Select(set => mechanisms.Select(m => m.Name).Where(set.Contains).ToList())
            .DistinctBy(set => string.Join(",", set))
            .ToList();
        var rules = new JsonArray();
        foreach (var set in maximal)
        {
            rules.Add(new JsonObject
            {
                ["contains"] = new JsonObject
                {
                    ["anyOf"] = new JsonArray(
                        new JsonObject { ["enum"] = Strings(set) },
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["required"] = Strings(["kind"]),
                            ["properties"] = new JsonObject { ["kind"] = new JsonObject { ["enum"] = Strings(set) } },
                        }),
                },
                ["minContains"] = 0,
                ["maxContains"] = 1,
            });
        }
        return rules;
    }

    internal static JsonObject Ref(string definition) => new() { ["$ref"] = "#/$defs/" + definition };

    internal static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    internal static string Join(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    internal static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Frame()
    {
        using var stream = typeof(DescriptorSchema).Assembly.GetManifestResourceStream(FrameResource)
            ?? throw new InvalidOperationException($"embedded resource {FrameResource} is missing");
        return new StreamReader(stream).ReadToEnd();
    }
}
