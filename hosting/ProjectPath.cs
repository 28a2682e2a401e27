using System.Text.RegularExpressions;

namespace LazyMmuGen.Hosting;

/// <summary>
/// What `--project P` names, as a project file for `dotnet build`: a project file as given; a folder holding one
/// project, that project; a solution (or a folder holding one and no project, as the template's root does), the one
/// project of it that references LazyMmuGen.Generator, since that is the arch library. Anything else is a plain
/// error naming what to give, instead of MSBuild's text about solutions and properties.
/// </summary>
public static partial class ProjectPath
{
    /// <summary>The project file to build, or null with <paramref name="error"/> saying what to give instead.</summary>
    /// <param name="given">The path as the user wrote it.</param>
    /// <param name="error">"error: ..." or null.</param>
    public static string? Resolve(string given, out string? error)
    {
        error = null;
        if (Directory.Exists(given))
        {
            var projects = Directory.GetFiles(given, "*.*proj").Where(IsProject).Order(StringComparer.Ordinal).ToList();
            if (projects.Count == 1) return projects[0];
            if (projects.Count > 1)
            {
                error = $"error: --project {given}: the folder holds {projects.Count} projects ({string.Join(", ", projects.Select(Path.GetFileName))}); give one of them.";
                return null;
            }
            var solutions = Directory.GetFiles(given).Where(IsSolution).Order(StringComparer.Ordinal).ToList();
            if (solutions.Count == 1) return FromSolution(solutions[0], given, out error);
            error = $"error: --project {given}: the folder holds no project (*.csproj); give the arch library's project or its folder.";
            return null;
        }
        if (File.Exists(given)) return IsSolution(given) ? FromSolution(given, given, out error) : given;
        error = $"error: project '{given}' does not exist.";
        return null;
    }

    /// <summary>
    /// " It references Kit/Kit.csproj, which references LazyMmuGen.Generator: give --project Kit/Kit.csproj." for a
    /// project that built no arches but references the arch library (the template's test project), else "".
    /// </summary>
    /// <param name="given">The --project value, as the user wrote it.</param>
    public static string LibraryHint(string given)
    {
        if (Resolve(given, out _) is not { } project) return "";
        var libraries = PathsIn(project, ProjectReference())
            .Where(p => File.Exists(p) && ReferencesGenerator(p))
            .Select(Shown)
            .ToList();
        return libraries.Count == 1 ? $" It references {libraries[0]}, which references LazyMmuGen.Generator: give --project {libraries[0]}." : "";
    }

    /// <summary>The full paths a solution or project file names (its "path" group), relative to the file's folder.</summary>
    private static IEnumerable<string> PathsIn(string file, Regex entry)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        return entry.Matches(File.ReadAllText(file))
            .Select(m => Path.GetFullPath(Path.Combine(folder, m.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar))));
    }

    /// <summary>A path as a message shows it: relative to where the tool runs, as the user typed theirs.</summary>
    private static string Shown(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

    private static bool ReferencesGenerator(string project) => File.ReadAllText(project).Contains("\"LazyMmuGen.Generator\"", StringComparison.Ordinal);

    private static bool IsProject(string path) => path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);

    private static bool IsSolution(string path) =>
        path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);

    private static string? FromSolution(string solution, string given, out string? error)
    {
        error = null;
        var projects = PathsIn(solution, ProjectEntry())
            .Where(File.Exists)
            .ToList();
        var libraries = projects.Where(ReferencesGenerator).ToList();
        if (libraries.Count == 1) return libraries[0];
        var listed = projects.Count == 0 ? "it lists no project that exists" : "its projects: " + string.Join(", ", projects.Select(Shown));
        error = libraries.Count == 0
            ? $"error: --project {given}: {Path.GetFileName(solution)} is a solution, and none of its projects references LazyMmuGen.Generator ({listed}); give the arch library's project."
            : $"error: --project {given}: {Path.GetFileName(solution)} is a solution with {libraries.Count} arch libraries ({string.Join(", ", libraries.Select(Shown))}); give one of them.";
        return null;
    }

    /// <summary>A project a project file references: &lt;ProjectReference Include="../Kit/Kit.csproj" /&gt;.</summary>
    [GeneratedRegex(@"<ProjectReference\s+Include=""(?<path>[^""]+\.csproj)""", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectReference();

    /// <summary>A project path in a .slnx (Path="a/a.csproj") or a .sln (, "a\a.csproj",).</summary>
    [GeneratedRegex(@"(?:Path=""|,\s*"")(?<path>[^""]+\.csproj)""", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectEntry();
}
