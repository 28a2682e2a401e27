namespace LazyMmuGen.Checker.Tests.Injection;

/// <summary>The repository (the folder holding LazyMmuGen.sln), found from the test's output folder.</summary>
public static class Repo
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Descriptor(string arch) => File.ReadAllText(Path.Combine(Root, "arches", arch + ".arch.yaml"));

    /// <summary>A built-in fragment, e.g. ("deferred-barriers", "flush"), with LF line ends as the generator embeds it.</summary>
    public static string Fragment(string mechanism, string hook) =>
        File.ReadAllText(Path.Combine(Root, "mechanisms", mechanism, hook + ".scriban")).Replace("\r\n", "\n");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LazyMmuGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("LazyMmuGen.sln not found above " + AppContext.BaseDirectory);
    }
}
