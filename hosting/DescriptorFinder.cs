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
    public static (IReadOnlyList<DescriptorFile> Files, string? Error) Find(IEnumerable<string> paths) => Find(paths, null);

    /// <summary>
    /// The descriptors, or the first path that names nothing; <paramref name="warnings"/> gets a line for each *.scriban
    /// file of a given folder that is neither a template override (below a templates/ folder) nor a mechanism fragment
    /// (mechanisms/NAME/): the tool does not read a project's LazyMmuTemplate items, so such a file would be skipped in
    /// silence.
    /// </summary>
    public static (IReadOnlyList<DescriptorFile> Files, string? Error) Find(IEnumerable<string> paths, List<string>? warnings)
    {
        var files = new List<DescriptorFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (Refusal(path) is { } refused) return ([], refused);
                Add(path);
                // A descriptor names its mechanisms; the ones it brings itself sit next to it (the layout
                // new-arch and the dotnet-new template make), so a file alone is checked as its folder would be.
                if (IsDescriptor(path) && Path.Combine(Path.GetDirectoryName(path) ?? "", "mechanisms") is var beside && Directory.Exists(beside))
                    foreach (var file in MechanismFiles(beside)) Add(file);
                continue;
            }
            if (!Directory.Exists(path)) return ([], $"error: '{path}' does not exist: give descriptor files ({Pattern}) or folders holding them.");
            var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => IsDescriptor(f) && !InBuildOutput(Path.GetRelativePath(path, f)))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (found.Count == 0) return ([], $"error: folder '{path}' holds no {Pattern} (or *.arch.yml) file.");
            foreach (var file in found) Add(file);
            foreach (var file in MechanismFiles(path)) Add(file);
            foreach (var file in TemplateOverrides(path)) Add(file);
            if (warnings is not null)
                foreach (var file in StrayTemplates(path, seen))
                    warnings.Add($"warning: {file} is not used: in a folder the tool takes template overrides from below templates/, named by their "
                        + "path there (e.g. templates/mechanisms/tlb-batch/flush.scriban), and fragments from mechanisms/NAME/; a project's LazyMmuTemplate items only with --project.");
        }
        if (warnings is not null) warnings.AddRange(UnreadMechanisms(paths, seen));
        return (files, null);

        void Add(string path)
        {
            var full = Path.GetFullPath(path);
            if (seen.Add(full)) files.Add(new DescriptorFile(path, full, File.ReadAllText(full)));
        }
    }

    /// <summary>
    /// A line for each mechanisms/ folder one level up from a given descriptor or folder that the tool did not read:
    /// this repository's layout (arches/ beside mechanisms/), copied, checks its arches/ alone and reports every
    /// mechanism of its own as unknown (LMG0008). Not for this repository itself, whose mechanisms the tool holds.
    /// </summary>
    private static IEnumerable<string> UnreadMechanisms(IEnumerable<string> paths, HashSet<string> taken)
    {
        var told = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var folder = File.Exists(path) ? Path.GetDirectoryName(Path.GetFullPath(path)) : Path.GetFullPath(path);
            if (Path.GetDirectoryName(folder ?? "") is not { } parent || File.Exists(Path.Combine(parent, "LazyMmuGen.sln"))) continue;
            var mechanisms = Path.Combine(parent, "mechanisms");
            if (!Directory.Exists(mechanisms) || !told.Add(mechanisms)) continue;
            var unread = MechanismFiles(mechanisms).Where(f => !taken.Contains(Path.GetFullPath(f))).ToList();
            if (unread.Count == 0) continue;
            var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), parent) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : parent;
            yield return $"warning: {(shown == "." ? "mechanisms" : Path.Combine(shown, "mechanisms"))} is not read: the tool takes a mechanisms/ folder beside a descriptor or below a given folder; "
                + $"to use it, give the folder that holds both ({shown}).";
        }
    }

    /// <summary>The names the generator reads as descriptors (its AdditionalFiles filter): *.arch.yaml and *.arch.yml.</summary>
    public static bool IsDescriptor(string path) => LazyMmuGen.Generator.LazyMmuGenerator.IsDescriptor(path);

    /// <summary>
    /// Why a file given by name cannot be used as given, or null: the generator would ignore any other file in silence
    /// (and the command would run on the built-ins alone), and a mechanism's files only make sense with their folder.
    /// A template override (*.scriban) and a C# primitive (*.cs) are taken as they are.
    /// </summary>
    private static string? Refusal(string path)
    {
        if (IsDescriptor(path) || path.EndsWith(".scriban", StringComparison.Ordinal) || path.EndsWith(".cs", StringComparison.Ordinal)) return null;
        if (string.Equals(Path.GetFileName(path), "mechanism.yaml", StringComparison.Ordinal))
            return $"error: '{path}' is a mechanism definition: give the descriptor that uses it (a {Pattern} beside its mechanisms/ folder), or the folder that holds mechanisms/.";
        return $"error: '{path}' is not a descriptor: the tool takes descriptors ({Pattern} or *.arch.yml), template overrides (*.scriban) and primitives (*.cs), or folders of them.";
    }

    /// <summary>Template overrides: *.scriban below a templates/ folder, named by their path below it, as the generator names them.</summary>
    private static IEnumerable<string> TemplateOverrides(string folder) =>
        Directory.EnumerateFiles(folder, "*.scriban", SearchOption.AllDirectories)
            .Where(f => !InBuildOutput(Path.GetRelativePath(folder, f)) && Path.GetRelativePath(folder, f).Replace('\\', '/').Split('/').SkipLast(1).Contains("templates"))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> StrayTemplates(string folder, HashSet<string> taken) =>
        Directory.EnumerateFiles(folder, "*.scriban", SearchOption.AllDirectories)
            .Where(f => !InBuildOutput(Path.GetRelativePath(folder, f)) && !taken.Contains(Path.GetFullPath(f)))
            .Order(StringComparer.Ordinal);

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
