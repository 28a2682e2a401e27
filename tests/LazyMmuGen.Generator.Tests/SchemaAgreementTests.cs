using System.Text.Json;
using Json.Schema;
using LazyMmuGen.Generator.Parsing;
using LazyMmuGen.Hosting.Schema;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// Issue 13, item 7: the schema and the generator agree. Over the fuzzer's descriptors, a descriptor the
/// generator accepts is valid against the schema, and one it rejects is invalid, except where the rejection is
/// one only the generator can make (<see cref="OnlyTheGeneratorChecks"/>, documented in docs/mechanisms.md).
/// </summary>
public sealed class SchemaAgreementTests(ITestOutputHelper output)
{
    private const int Cases = 2000;
    private const int Seed = 13_2026;

    /// <summary>
    /// Rejections a JSON schema over the loaded document cannot express: YAML-level facts the JSON no longer
    /// has (LMG0001 syntax the representation model tolerates, LMG0015 size and depth, LMG0018 anchors, aliases
    /// and tags, LMG0019 duplicate keys), LMG0011 for update-bytes above arg-bytes (a comparison of two values),
    /// LMG0013 for two register-switch mechanisms on one register (a comparison of two values), LMG0016 distinct
    /// pause/resume with no mechanisms, LMG0017 a level reference to a level the map does not declare, and
    /// LMG0006 for a type name the generated code already uses (the generator derives that list from the templates).
    /// </summary>
    public static readonly string[] OnlyTheGeneratorChecks = ["LMG0001", "LMG0006", "LMG0011", "LMG0013", "LMG0015", "LMG0016", "LMG0017", "LMG0018", "LMG0019"];

    [Fact]
    public void Accepted_by_the_generator_exactly_when_valid_against_the_schema()
    {
        var schema = JsonSchema.FromText(DescriptorSchema.Text);
        var fuzzer = new DescriptorFuzzer(RepoPaths.BuiltinDescriptors().Select(d => RepoPaths.Builtin(d).GetText()!.ToString()).ToList());
        var disagreements = new List<string>();
        var (accepted, rejected, excused, unloadable) = (0, 0, 0, 0);
        var excusedBy = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Cases; i++)
        {
            var c = fuzzer.Case(Seed, i);
            var parsed = DescriptorParser.Parse("/project/" + c.FileName, SourceText.From(c.Yaml), c.FileName, CancellationToken.None);
            var ids = parsed.Diagnostics.Select(d => d.Id).Distinct().ToList();
            // Too deep or too large for the generator is also beyond what a JSON writer nests (64 levels).
            System.Text.Json.Nodes.JsonNode? json = null;
            var loaded = false;
            if (!ids.Contains("LMG0015")) json = YamlAsJson.Convert(c.Yaml, out loaded);
            if (!loaded)
            {
                unloadable++;
                if (ids.Count == 0) disagreements.Add($"case {i}: the generator accepts YAML the representation model cannot load:\n{c.Yaml}");
                continue;
            }
            var valid = schema.Evaluate(JsonSerializer.SerializeToElement(json)).IsValid;
            if (ids.Count == 0) accepted++; else rejected++;
            if (ids.Count == 0 && !valid)
                disagreements.Add($"case {i}: accepted by the generator, invalid against the schema:\n{c.Yaml}");
            else if (ids.Count > 0 && valid)
            {
                if (ids.All(OnlyTheGeneratorChecks.Contains))
                {
                    excused++;
                    foreach (var id in ids) excusedBy[id] = excusedBy.GetValueOrDefault(id) + 1;
                }
                else disagreements.Add($"case {i}: rejected by the generator ({string.Join(", ", ids)}), valid against the schema:\n{c.Yaml}");
            }
        }
        output.WriteLine($"{Cases} cases (seed {Seed}): {accepted} accepted, {rejected} rejected ({excused} only by checks a schema cannot make), {unloadable} not loadable as one YAML document; "
            + "excused by id: " + string.Join(", ", excusedBy.Select(kv => $"{kv.Key} {kv.Value}")));
        Assert.True(accepted > 100 && rejected > 100, $"too few of one kind to mean anything: {accepted} accepted, {rejected} rejected");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements; the first 5:\n" + string.Join("\n---\n", disagreements.Take(5)));
    }
}
