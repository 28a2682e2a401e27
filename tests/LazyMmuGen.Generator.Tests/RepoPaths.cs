namespace LazyMmuGen.Generator.Tests;

/// <summary>The repository's built-in descriptors, as the generator tests read them.</summary>
public static class RepoPaths
{
    public static string Arches => RepoRoot.Combine("arches");

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
}
