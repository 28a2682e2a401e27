using LazyMmuGen.Hosting;

namespace LazyMmuGen.Cli.Accept;

/// <summary>Runs this very lazymmu build as a child process, for artifacts that are a command's output.</summary>
public static class SelfRun
{
    public static (int Code, string Out) Run(string root, IReadOnlyList<string> arguments)
    {
        var (code, stdout, _) = ChildProcess.Dotnet(root, [typeof(SelfRun).Assembly.Location, .. arguments]);
        return (code, stdout.Replace("\r\n", "\n"));
    }
}
