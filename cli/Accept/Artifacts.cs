using LazyMmuGen.Arches;
using LazyMmuGen.Cli.Output;
using LazyMmuGen.Hosting;
using LazyMmuGen.Simulator;
using LazyMmuGen.Simulator.Costs;
using LazyMmuGen.Simulator.Output;
using LazyMmuGen.Simulator.Workloads;

namespace LazyMmuGen.Cli.Accept;

/// <summary>
/// Every generated artifact the repository's tests compare against, computed from the current descriptors and
/// the current build: the generator snapshots (as SnapshotTests produces them: one run per descriptor, and one
/// registry run over all of them, in the harness's project folder), the dotnet new template's snapshot, the descriptor schema and the descriptor reference's mechanism tables, the arch matrix in README.md and
/// docs/arch-matrix.md, docs/simulate.svg and docs/simulate-calibration.svg, and the command outputs quoted in
/// docs/simulate.md.
/// </summary>
public static class Artifacts
{
    public const string SnapshotFolder = "tests/LazyMmuGen.Generator.Tests/Snapshots";

    /// <summary>The project folder the generator tests' harness uses, so registry paths come out the same.</summary>
    private const string HarnessProject = "/project/";

    private const string ArchSnapshotPrefix = "SnapshotTests.BuiltinArch_";

    public static IReadOnlyList<Artifact> All(string root)
    {
        var result = new List<Artifact>();
        result.AddRange(Snapshots(root));
        result.AddRange(TemplateSnapshots.All(root));
        result.Add(new Artifact("schema/arch.schema.json", LazyMmuGen.Hosting.Schema.DescriptorSchema.Text, "schema"));
        var reference = File.ReadAllText(Path.Combine(root, ReferenceTables.Path));
        result.Add(new Artifact(ReferenceTables.Path, ReferenceTables.Regenerate(reference, LazyMmuGen.Generator.Mechanisms.MechanismCatalog.All), "reference tables"));
        var matrix = ArchMatrix.Markdown(LazyMmuArchRegistry.All);
        result.Add(MatrixIn(root, "README.md", matrix));
        result.Add(MatrixIn(root, "docs/arch-matrix.md", matrix));
        result.Add(new Artifact("docs/simulate.svg", Chart(), "chart"));
        result.Add(new Artifact("docs/simulate-calibration.svg", CommandOutput(root, "simulate", "--calibration", "--format", "svg"), "chart"));
        var doc = File.ReadAllText(Path.Combine(root, SimulateDoc.Path));
        result.Add(new Artifact(SimulateDoc.Path, SimulateDoc.Regenerate(root, doc), "command outputs"));
        return result;
    }

    /// <summary>The descriptors of arches/, by path relative to it, as the arches project's glob finds them.</summary>
    public static IReadOnlyList<DescriptorFile> Descriptors(string root)
    {
        var arches = Path.Combine(root, "arches");
        return Directory.EnumerateFiles(arches, "*.arch.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(arches, "*.arch.yml", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(arches, path).Replace('\\', '/'))
            .Where(relative => !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(relative => new DescriptorFile(relative, HarnessProject + relative, File.ReadAllText(Path.Combine(arches, relative))))
            .ToList();
    }

    private static IEnumerable<Artifact> Snapshots(string root)
    {
        var descriptors = Descriptors(root);
        var produced = new List<Artifact>();
        foreach (var descriptor in descriptors)
        {
            var run = ArchCompiler.Generate([descriptor], HarnessProject, null);
            if (run.Failed) throw new InvalidOperationException(string.Join("\n", run.Messages.Prepend($"arches/{descriptor.DisplayPath} does not generate:")));
            foreach (var (hint, source) in run.Sources.Where(s => s.Key != "LazyMmuArchRegistry.g.cs"))
                produced.Add(new Artifact($"{SnapshotFolder}/{ArchSnapshotPrefix}{Strip(hint)}.verified.cs", Lf(source), "snapshot"));
        }
        var registry = ArchCompiler.Generate(descriptors, HarnessProject, null);
        produced.Add(new Artifact($"{SnapshotFolder}/SnapshotTests.Registry_LazyMmuArchRegistry.verified.cs", Lf(registry.Sources["LazyMmuArchRegistry.g.cs"]), "snapshot"));
        // A snapshot whose arch is gone must go too, or it would be stale forever.
        var folder = Path.Combine(root, SnapshotFolder);
        var keep = produced.Select(p => Path.GetFileName(p.RelativePath)).ToHashSet(StringComparer.Ordinal);
        var orphans = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, ArchSnapshotPrefix + "*.verified.cs").Select(Path.GetFileName).Where(f => !keep.Contains(f!))
            : [];
        return produced.Concat(orphans.Select(f => new Artifact($"{SnapshotFolder}/{f}", null, "snapshot")));
    }

    /// <summary>The document with its matrix (header row through the legend line) replaced by the current one.</summary>
    private static Artifact MatrixIn(string root, string relative, string matrix)
    {
        var text = Lf(File.ReadAllText(Path.Combine(root, relative)));
        var header = matrix[..(matrix.IndexOf('\n') + 1)];
        var start = text.IndexOf("| arch | ", StringComparison.Ordinal);
        var legend = text.IndexOf("✓: the arch's callback does work.", Math.Max(start, 0), StringComparison.Ordinal);
        if (start < 0 || legend < 0)
            throw new InvalidOperationException($"{relative} holds no arch matrix (a line starting '| arch | ' and its legend): paste the output of `lazymmu arches --format markdown` there once.");
        var end = text.IndexOf('\n', legend) + 1;
        return new Artifact(relative, text[..start] + matrix + text[end..], "arch matrix");
    }

    private static string Chart()
    {
        var results = SimulationRunner.Run(new SimulationRequest(LazyMmuArchRegistry.All, WorkloadCatalog.All, SimModes.All, WorkloadCatalog.DefaultSize, CostTable.Default));
        var writer = new StringWriter { NewLine = "\n" };
        ResultWriter.Write("svg", results, writer);
        return writer.ToString();
    }

    /// <summary>What `lazymmu ARGS --out FILE` writes, from this build.</summary>
    private static string CommandOutput(string root, params string[] arguments)
    {
        var file = System.IO.Path.GetTempFileName();
        try
        {
            var (code, _) = SelfRun.Run(root, [.. arguments, "--out", file]);
            if (code != 0) throw new InvalidOperationException($"'lazymmu {string.Join(" ", arguments)}' failed with exit code {code}");
            return File.ReadAllText(file).Replace("\r\n", "\n");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Strip(string hint) => hint.EndsWith(".g.cs", StringComparison.Ordinal) ? hint[..^".g.cs".Length] : hint;

    private static string Lf(string text) => text.Replace("\r\n", "\n");
}
