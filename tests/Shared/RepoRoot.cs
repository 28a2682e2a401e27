namespace LazyMmuGen.Tests.Shared;

/// <summary>
/// The clone the tests run in (the folder holding LazyMmuGen.sln), found upward from the test's output folder: the
/// tests read descriptors, docs and templates from the working tree, not from copies in bin/.
/// </summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LazyMmuGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("LazyMmuGen.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Folder => Root.Value;

    /// <summary>A path below the root; a part may itself hold '/' ("docs/simulate.md").</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root.Value, .. parts]);
}
