using LazyMmuGen.Hosting;

namespace LazyMmuGen.Tests.Shared;

/// <summary>
/// lazymmu.dll, which a ProjectReference to cli/ builds beside the test assembly, run as a user runs it: a dotnet child
/// process (exit code and the two streams), so tests see what a shell sees.
/// </summary>
public static class LazymmuDll
{
    public static (int Code, string Out, string Err) Run(string workingDirectory, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null) =>
        ChildProcess.Dotnet(workingDirectory, [Path.Combine(AppContext.BaseDirectory, "lazymmu.dll"), .. arguments], environment);
}
