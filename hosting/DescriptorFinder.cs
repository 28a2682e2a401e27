namespace LazyMmuGen.Hosting;

/// <summary>
/// Expands command-line paths into descriptor files: a file is taken as it is (whatever its name), a folder
/// contributes every *.arch.yaml below it, skipping bin/ and obj/ as the MSBuild default glob does, and every
/// mechanism folder below it (mechanisms/NAME/: mechanism.yaml, its *.scriban fragments and its *.cs runtime
/// primitive), as the generator package's default items take them in a project. A descriptor file brings the
/// mechanism folders under the mechanisms/ folder beside it.
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
                // A descriptor names its mechanisms; the ones it brings itself sit next to it (the layout
                // new-arch and the dotnet-new template make), so a file alone is checked as its folder would be.
                if (path.EndsWith(Pattern[1..], StringComparison.Ordinal) && Path.Combine(Path.GetDirectoryName(path) ?? "", "mechanisms") is var beside && Directory.Exists(beside))
                    foreach (var file in MechanismFiles(beside)) Add(file);
                continue;
            }
            if (!Directory.Exists(path)) return ([], $"error: '{path}' is neither a descriptor file nor a folder.");
            var found = Directory.EnumerateFiles(path, Pattern, SearchOption.AllDirectories)
                .Where(f => !InBuildOutput(Path.GetRelativePath(path, f)))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (found.Count == 0) return ([], $"error: folder '{path}' holds no {Pattern} file.");
            foreach (var file in found) Add(file);
            foreach (var file in MechanismFiles(path)) Add(file);
        }
        return (files, null);

        void Add(string path)
        {
            var full = Path.GetFullPath(path);
            if (seen.Add(full)) files.Add(new DescriptorFile(path, full, File.ReadAllText(full)));
        }
    }

    private static IEnumerable<string> MechanismFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !InBuildOutput(Path.GetRelativePath(folder, f)) && IsMechanismFile(f))
            .Order(StringComparer.Ordinal);

    /// <summary>.../mechanisms/NAME/mechanism.yaml, .../mechanisms/NAME/HOOK.scriban or .../mechanisms/NAME/X.cs.</summary>
    private static bool IsMechanismFile(string path)
    {
        var parts = Path.GetFullPath(path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (parts.Length < 3 || parts[^3] != "mechanisms") return false;
        var name = parts[^1];
        return name == "mechanism.yaml" || name.EndsWith(".scriban", StringComparison.Ordinal) || name.EndsWith(".cs", StringComparison.Ordinal);
    }

    private static bool InBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).SkipLast(1).Any(part => part is "bin" or "obj");
}
