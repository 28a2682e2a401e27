using LazyMmuGen.Hosting;

namespace LazyMmuGen.Simulator.Tests;

/// <summary>Runs lazymmu.dll (the cli project, built beside these tests) as a process in the clone, as a user runs it.</summary>
public static class Cli
{
    public static (int Code, string Out, string Err) Run(params string[] arguments) => LazymmuDll.Run(RepoRoot.Folder, arguments);

    /// <summary>Splits a command line as the shell does for the quoting docs use.</summary>
    public static string[] Words(string line) => [.. ChildProcess.Words(line)];
}
