using System.Diagnostics;
using System.Text;

namespace LazyMmuGen.Cli.Accept;

/// <summary>Runs this very lazymmu build as a child process, for artifacts that are a command's output.</summary>
public static class SelfRun
{
    public static (int Code, string Out) Run(string root, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(typeof(SelfRun).Assembly.Location);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = stderr.Result;
        return (process.ExitCode, stdout.Replace("\r\n", "\n"));
    }

    /// <summary>Shell word splitting for the quoting docs use (double and single quotes, no expansions).</summary>
    public static IReadOnlyList<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '"' or '\'')
            {
                var end = line.IndexOf(c, i + 1);
                if (end < 0) end = line.Length;
                word.Append(line, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
