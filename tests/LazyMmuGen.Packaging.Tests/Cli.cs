using LazyMmuGen.Hosting;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>Runs the lazymmu CLI as a user does (a process), in a scratch folder with its own compile cache.</summary>
public sealed class Cli : IDisposable
{
    public Cli()
    {
        Folder = Directory.CreateTempSubdirectory("lazymmu-cli.").FullName;
    }

    public string Folder { get; }

    public string Write(string relative, string text)
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public (int Code, string Out, string Err) Run(params string[] arguments) =>
        LazymmuDll.Run(Folder, arguments, new Dictionary<string, string> { ["LAZYMMU_CACHE"] = Path.Combine(Folder, ".cache") });

    /// <summary>Runs a printed command line (`lazymmu trace --arch X --ops "..." a.arch.yaml`) as a shell would split it.</summary>
    public (int Code, string Out, string Err) RunPrinted(string line)
    {
        const string prefix = "lazymmu ";
        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
        return Run(ChildProcess.Words(line[prefix.Length..]).ToArray());
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
