namespace LazyMmuGen.Hosting;

/// <summary>
/// Expands command-line paths into descriptor files: a file is taken as it is (whatever its name), a folder
/// contributes every *.arch.yaml below it, skipping bin/ and obj/ as the MSBuild default glob does.
/// </summary>
public static class DescriptorFinder
{
    public const string Pattern = "*.arch.yaml";

    /// <summary>The descriptors, or the first path that names nothing (as an error line).</summary>
    public static (IReadOnlyList<DescriptorFile> Files, string? Error) Find(IEnumerable<string> paths)
    {
        var files = new List<DescriptorFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(path);
                continue;
            }
            if (!Directory.Exists(path)) return ([], $"error: '{path}' is neither a descriptor file nor a folder.");
            var found = Directory.EnumerateFiles(path, Pattern, SearchOption.AllDirectories)
                .Where(f => !InBuildOutput(Path.GetRelativePath(path, f)))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (found.Count == 0) return ([], $"error: folder '{path}' holds no {Pattern} file.");
            foreach (var file in found) Add(file);
        }
        return (files, null);

        void Add(string path)
        {
            var full = Path.GetFullPath(path);
            if (seen.Add(full)) files.Add(new DescriptorFile(path, full, File.ReadAllText(full)));
        }
    }

    private static bool InBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).SkipLast(1).Any(part => part is "bin" or "obj");
}
