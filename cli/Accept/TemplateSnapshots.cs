using LazyMmuGen.Hosting;

namespace LazyMmuGen.Cli.Accept;

/// <summary>
/// The snapshots the `dotnet new lazymmu-arch` template ships (dotnet-new/content/lazymmu-arch), so that `dotnet test`
/// passes in a new project: what the generator makes of the template's descriptors in its library project, named as
/// the template's SnapshotTests.GeneratedSource test names them. The namespace is the name the template's safeName
/// symbol replaces, which `dotnet new` replaces in the snapshot, the project and the file names alike.
/// </summary>
public static class TemplateSnapshots
{
    public const string Content = "dotnet-new/content/lazymmu-arch";

    /// <summary>The name the template's safeName symbol replaces: its library project's folder and the namespace of its arches.</summary>
    public const string SourceName = "MyArches";

    public const string SnapshotFolder = Content + "/" + SourceName + ".Tests/Snapshots";

    private const string Prefix = "SnapshotTests.GeneratedSource_";

    public static IEnumerable<Artifact> All(string root)
    {
        var project = Path.Combine(root, Content, SourceName) + Path.DirectorySeparatorChar;
        var descriptors = Directory.EnumerateFiles(project, "*.arch.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => new DescriptorFile(Path.GetFileName(path), path, File.ReadAllText(path)))
            .ToList();
        var run = ArchCompiler.Generate(descriptors, project, SourceName);
        if (run.Failed) throw new InvalidOperationException(string.Join("\n", run.Messages.Prepend($"{Content}/{SourceName}: the template's descriptors do not generate:")));
        var produced = run.Sources
            .Where(s => s.Key != "LazyMmuArchRegistry.g.cs")
            .Select(s => new Artifact($"{SnapshotFolder}/{Prefix}{s.Key[..^".g.cs".Length]}.verified.cs", s.Value.Replace("\r\n", "\n"), "snapshot"))
            .ToList();
        // A snapshot whose descriptor is gone must go too: the template's test reports it as stale.
        var keep = produced.Select(p => Path.GetFileName(p.RelativePath)).ToHashSet(StringComparer.Ordinal);
        var folder = Path.Combine(root, SnapshotFolder);
        var orphans = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, Prefix + "*.verified.cs").Select(Path.GetFileName).Where(f => !keep.Contains(f!))
            : [];
        return produced.Concat(orphans.Select(f => new Artifact($"{SnapshotFolder}/{f}", null, "snapshot")));
    }
}
