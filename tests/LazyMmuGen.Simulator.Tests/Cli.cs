using System.Diagnostics;

namespace LazyMmuGen.Simulator.Tests;

/// <summary>Runs lazymmu.dll (the cli project, built beside these tests) as a process, as a user runs it.</summary>
public static class Cli
{
    public static (int Code, string Out, string Err) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lazymmu.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    /// <summary>Splits a command line as the shell does for the quoting docs use: words, and "double-quoted" words.</summary>
    public static string[] Words(string line)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var inWord = false;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') { quoted = !quoted; inWord = true; continue; }
            if (char.IsWhiteSpace(c) && !quoted)
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            word.Append(c);
            inWord = true;
        }
        if (inWord) words.Add(word.ToString());
        return [.. words];
    }
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
