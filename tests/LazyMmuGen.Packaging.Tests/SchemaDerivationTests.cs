using System.Text.Json.Nodes;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Hosting.Schema;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>
/// Issue 13: the descriptor schema is derived from the mechanism definitions, so a mechanism or parameter added
/// in a mechanism.yaml reaches the schema with no second copy, and schema/arch.schema.json is current.
/// </summary>
public sealed class SchemaDerivationTests
{
    private const string Svinval = """
        mechanism: svinval-batch
        summary: Batches sinval.vma between sfence.w.inval and sfence.inval.ir.
        kernel: riscv Svinval
        claims: [pte-completion]
        parameters:
          - name: capacity
            type: integer
            min: 1
            max: 64
            doc: Invalidations per batch.
          - name: fence-each
            type: boolean
            default: false
            doc: Fence after every invalidation.
        """;

    [Fact]
    public void The_repository_schema_is_the_derived_one()
    {
        Assert.Equal(DescriptorSchema.Text, File.ReadAllText(RepoRoot.Combine("schema", "arch.schema.json")).Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_new_mechanism_and_its_parameters_appear_in_the_schema_from_its_definition_alone()
    {
        var diagnostics = new List<DiagnosticInfo>();
        var svinval = DefinitionReader.Read("svinval/mechanism.yaml", Svinval, diagnostics, CancellationToken.None);
        Assert.Empty(diagnostics);

        var schema = JsonNode.Parse(DescriptorSchema.Build(MechanismCatalog.All.Append(svinval!).ToList()))!;
        var defs = schema["$defs"]!;
        var mechanism = defs["svinval-batch"]!;
        Assert.Equal("integer", (string?)mechanism["properties"]!["capacity"]!["type"]);
        Assert.Equal(64, (int)mechanism["properties"]!["capacity"]!["maximum"]!);
        Assert.Equal("Invalidations per batch. Required.", (string?)mechanism["properties"]!["capacity"]!["description"]);
        Assert.False((bool)mechanism["properties"]!["fence-each"]!["default"]!);
        Assert.Equal(new[] { "kind", "capacity" }, mechanism["required"]!.AsArray().Select(n => (string)n!));
        Assert.Contains("svinval-batch", defs["mechanismObject"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(n => (string)n!));
        // It claims pte-completion, so at most one of it and the other pte-completion mechanisms per arch.
        var conflict = schema["properties"]!["mechanisms"]!["allOf"]![0]!["contains"]!["anyOf"]![0]!["enum"]!.AsArray().Select(n => (string)n!);
        Assert.Contains("svinval-batch", conflict);
        Assert.DoesNotContain("svinval-batch", defs["mechanismName"]!["enum"]!.AsArray().Select(n => (string)n!));
    }
}
