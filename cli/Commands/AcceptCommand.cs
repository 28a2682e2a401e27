using System.CommandLine;
using System.Text;
using LazyMmuGen.Cli.Accept;

namespace LazyMmuGen.Cli.Commands;

/// <summary>
/// `lazymmu accept` (in a clone: `dotnet run --project cli -- accept`): rewrites every artifact the tests compare
/// against from the current descriptors and build, and says what it wrote; `--check` only reports and exits 1
/// when something is stale. Adding an arch is: write the descriptor, run accept, run dotnet test.
/// </summary>
public static class AcceptCommand
{
    public const string Hint = "dotnet run --project cli -- accept";

    public static Command Create()
    {
        var check = new Option<bool>("--check") { Description = "Only report stale artifacts; exit 1 if any." };
        var command = new Command("accept", "Regenerate the artifacts the tests compare against (generator snapshots, arch matrix in README.md and docs/, the charts and command outputs of docs/simulate.md).")
        {
            check,
        };
        command.SetAction(parse => Run(Directory.GetCurrentDirectory(), parse.GetValue(check), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string from, bool check, TextWriter output, TextWriter error)
    {
        var root = FindRoot(from);
        if (root is null)
        {
            error.WriteLine("error: accept works inside a LazyMmuGen clone (a folder holding LazyMmuGen.sln and arches/), run from it or below it.");
            return ExitCodes.Usage;
        }
        IReadOnlyList<Artifact> artifacts;
        try
        {
            artifacts = Artifacts.All(root);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine("error: " + e.Message);
            return ExitCodes.Usage;
        }
        var stale = Stale(root, artifacts);
        foreach (var (artifact, current) in stale)
        {
            var state = current is null ? "new" : artifact.Expected is null ? "removed" : "changed";
            output.WriteLine($"{(check ? "stale" : "wrote")}: {artifact.RelativePath} ({artifact.Kind}, {state})");
            if (artifact.Kind == "snapshot" && current is not null && artifact.Expected is not null)
                output.Write(UnifiedDiff.Of(current, artifact.Expected, artifact.RelativePath + " (committed)", artifact.RelativePath + " (now)"));
            if (check) continue;
            var path = Path.Combine(root, artifact.RelativePath);
            if (artifact.Expected is null) File.Delete(path);
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, artifact.Expected, new UTF8Encoding(false));
            }
        }
        if (stale.Count == 0) output.WriteLine($"all {artifacts.Count} artifacts are current.");
        else if (check) output.WriteLine($"{stale.Count} of {artifacts.Count} artifacts are stale: run `{Hint}`, review the diff, and commit it.");
        else output.WriteLine($"wrote {stale.Count} of {artifacts.Count} artifacts; review them (git diff) and run dotnet test.");
        return check && stale.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>Each artifact whose file differs from what it must hold, with the file's current text (null: missing).</summary>
    public static IReadOnlyList<(Artifact Artifact, string? Current)> Stale(string root, IReadOnlyList<Artifact> artifacts)
    {
        var stale = new List<(Artifact, string?)>();
        foreach (var artifact in artifacts)
        {
            var path = Path.Combine(root, artifact.RelativePath);
            var current = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : null;
            if (current != artifact.Expected) stale.Add((artifact, current));
        }
        return stale;
    }

    public static string? FindRoot(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LazyMmuGen.sln")) && Directory.Exists(Path.Combine(dir.FullName, "arches"))) return dir.FullName;
        }
        return null;
    }
}
