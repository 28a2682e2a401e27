using System.Diagnostics;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>
/// Runs a child `dotnet` the way every packaging test must: output to a file, not to pipes (build servers may outlive
/// dotnet and hold them open), the outer `dotnet test` build's MSBuild settings removed, no node reuse or build
/// server, and killed with its tree after a time limit.
/// </summary>
public static class ChildDotnet
{
    /// <summary>The outcome: <see cref="Finished"/> false means killed at the limit (<see cref="Exit"/> is then -1).</summary>
    public readonly record struct Outcome(bool Finished, int Exit, string Log);

    /// <param name="folder">The working folder.</param>
    /// <param name="arguments">dotnet's arguments.</param>
    /// <param name="limit">How long it may run.</param>
    /// <param name="environment">Variables to set; a null value removes the variable.</param>
    public static Outcome Run(string folder, IEnumerable<string> arguments, TimeSpan limit, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var log = Path.Combine(Path.GetTempPath(), $"lazymmu-dotnet-{Guid.NewGuid():N}.log");
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { "-c", "log=$1; shift; exec dotnet \"$@\" > \"$log\" 2>&1", "bash", log },
            WorkingDirectory = folder,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        WithoutOuterMsBuild(start);
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var finished = process.WaitForExit(limit);
        if (!finished) process.Kill(entireProcessTree: true);
        var text = File.Exists(log) ? File.ReadAllText(log) : "";
        File.Delete(log);
        return new Outcome(finished, finished ? process.ExitCode : -1, text);
    }

    /// <summary>This runs inside `dotnet test`: keep the outer build's MSBuild settings out of an inner process.</summary>
    public static void WithoutOuterMsBuild(ProcessStartInfo start)
    {
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
    }
}
