using LazyMmuGen.Hosting;

namespace LazyMmuGen.Simulator.Tests;

/// <summary>Runs lazymmu.dll (the cli project, built beside these tests) as a process, as a user runs it.</summary>
public static class Cli
{
    public static (int Code, string Out, string Err) Run(params string[] arguments) =>
        ChildProcess.Dotnet(Repo.Root, [Path.Combine(AppContext.BaseDirectory, "lazymmu.dll"), .. arguments]);

    /// <summary>Splits a command line as the shell does for the quoting docs use.</summary>
    public static string[] Words(string line) => [.. ChildProcess.Words(line)];
}

/// <summary>The clone these tests run in.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LazyMmuGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("LazyMmuGen.sln not found above " + AppContext.BaseDirectory);
    }
}
