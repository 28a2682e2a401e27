namespace LazyMmuGen.Generator.Tests;

/// <summary>Finds the repository (the folder holding LazyMmuGen.sln) from the test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Arches => Path.Combine(Root, "arches");

    /// <summary>Built-in descriptors, by file name in ordinal order (new ones are picked up automatically).</summary>
    public static IReadOnlyList<string> BuiltinDescriptors() =>
        Directory.EnumerateFiles(Arches, "*.arch.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Arches, "*.arch.yml", SearchOption.AllDirectories))
            .Where(path => !IsBuildOutput(path))
            .Select(path => Path.GetRelativePath(Arches, path).Replace('\\', '/'))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();

    /// <summary>A built-in descriptor as arches/LazyMmuGen.Arches.csproj feeds it: relative to its project dir.</summary>
    public static InMemoryAdditionalText Builtin(string relativeName) =>
        GeneratorHarness.Descriptor(relativeName, File.ReadAllText(Path.Combine(Arches, relativeName)));

    private static bool IsBuildOutput(string path)
    {
        var relative = Path.GetRelativePath(Arches, path).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LazyMmuGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("LazyMmuGen.sln not found above " + AppContext.BaseDirectory);
    }
}
