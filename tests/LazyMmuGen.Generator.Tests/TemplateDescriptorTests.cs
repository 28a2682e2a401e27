using System.Text.Json;
using Json.Schema;
using LazyMmuGen.Hosting.Schema;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// The descriptor the `dotnet new lazymmu-arch` template ships (dotnet-new/content/lazymmu-arch): what a new user
/// starts from must be valid against the schema its first line names, and generate without a diagnostic.
/// (Its snapshot is an accept artifact, checked by the packaging tests.)
/// </summary>
public sealed class TemplateDescriptorTests
{
    private static readonly string Path = System.IO.Path.Combine(RepoRoot.Folder, "dotnet-new", "content", "lazymmu-arch", "MyArches", "riscv-sfence.arch.yaml");

    [Fact]
    public void Is_valid_against_the_schema_and_generates_cleanly()
    {
        var yaml = File.ReadAllText(Path);
        Assert.StartsWith("# yaml-language-server: $schema=obj/lazymmu/arch.schema.json\n", yaml.Replace("\r\n", "\n"));

        var json = YamlAsJson.Convert(yaml, out var loaded);
        Assert.True(loaded);
        var result = JsonSchema.FromText(DescriptorSchema.Text).Evaluate(JsonSerializer.SerializeToElement(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        var run = GeneratorHarness.Run(GeneratorHarness.Descriptor("riscv-sfence.arch.yaml", yaml));
        run.AssertNoCrash();
        Assert.Empty(run.Diagnostics);
        run.AssertCompilesCleanly();
    }
}
