using System.Diagnostics;

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

    public (int Code, string Out, string Err) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lazymmu.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["LAZYMMU_CACHE"] = Path.Combine(Folder, ".cache");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    /// <summary>Runs a printed command line (`lazymmu trace --arch X --ops "..." a.arch.yaml`) as a shell would split it.</summary>
    public (int Code, string Out, string Err) RunPrinted(string line)
    {
        const string prefix = "lazymmu ";
        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
        return Run(ShellWords(line[prefix.Length..]).ToArray());
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>POSIX shell word splitting for the quoting the tool prints (double and single quotes, no expansions).</summary>
    private static IEnumerable<string> ShellWords(string line)
    {
        var word = new System.Text.StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '"' or '\'')
            {
                var end = line.IndexOf(c, i + 1);
                word.Append(line, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == ' ')
            {
                if (inWord) yield return word.ToString();
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord) yield return word.ToString();
    }
}
