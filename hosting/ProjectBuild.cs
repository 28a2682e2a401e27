namespace LazyMmuGen.Hosting;

/// <summary>
/// Builds a consumer's arch library project with `dotnet build` and names the assembly it produced, so the tool
/// can load the registry that project's own generator run emitted (its descriptors, overrides and packages).
/// </summary>
public static class ProjectBuild
{
    /// <summary>The built assembly's path, or the build's output as the error.</summary>
    public static (string? Assembly, string? Error) Build(string project)
    {
        var given = project;
        if (ProjectPath.Resolve(given, out var unresolved) is not { } resolved) return (null, unresolved);
        project = resolved;
        var (code, output) = Run("build", project, "--nologo", "-v", "q", "-clp:NoSummary");
        if (code != 0) return (null, output.TrimEnd() + $"\nerror: building '{given}' failed (dotnet build exited {code}).");
        var (pathCode, path) = Run("msbuild", project, "-nologo", "-getProperty:TargetPath");
        path = path.Trim();
        if (pathCode != 0 || !File.Exists(path)) return (null, $"error: could not find what '{given}' builds (TargetPath '{path}').");
        return (path, null);
    }

    private static (int Code, string Output) Run(params string[] arguments)
    {
        var (code, stdout, stderr) = ChildProcess.Dotnet(Directory.GetCurrentDirectory(), arguments);
        return (code, stdout + stderr);
    }
}
