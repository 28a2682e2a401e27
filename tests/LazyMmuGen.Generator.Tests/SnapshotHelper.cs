using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// Snapshot checks following Verify's conventions, so moving to Verify.SourceGenerators later is mechanical:
/// one <c>Snapshots/&lt;TestClass&gt;.&lt;TestMethod&gt;_&lt;HintName without .g.cs&gt;.verified.cs</c> per generated
/// file, next to the calling test file (the class name is that file's name). On a mismatch or a missing
/// snapshot a <c>*.received.cs</c> is written beside it (git-ignored) and the test fails with a unified diff.
/// To accept: rerun with the environment variable <c>LAZYMMU_ACCEPT=1</c>
/// (e.g. <c>LAZYMMU_ACCEPT=1 dotnet test tests/LazyMmuGen.Generator.Tests</c>), which overwrites the verified
/// files, or rename the received file. Snapshots are compared and written LF-only.
/// </summary>
public static class SnapshotHelper
{
    public const string AcceptVariable = "LAZYMMU_ACCEPT";

    private const int Context = 3;

    private static bool Accept => Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";

    /// <summary>Checks each generated file of the run against its snapshot; fails once listing every difference.</summary>
    public static void Verify(GeneratorRun run, IEnumerable<string> hintNames,
        [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        var failures = new List<string>();
        foreach (var hint in hintNames)
        {
            var name = $"{Path.GetFileNameWithoutExtension(sourceFile)}.{method}_{Strip(hint)}";
            var failure = Check(Path.Combine(Path.GetDirectoryName(sourceFile)!, "Snapshots"), name, run.Source(hint));
            if (failure is not null) failures.Add(failure);
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static string? Check(string folder, string name, string actual)
    {
        var verifiedPath = Path.Combine(folder, name + ".verified.cs");
        var receivedPath = Path.Combine(folder, name + ".received.cs");
        actual = Lf(actual);
        var verified = File.Exists(verifiedPath) ? Lf(File.ReadAllText(verifiedPath)) : null;
        if (verified == actual)
        {
            File.Delete(receivedPath);
            return null;
        }
        Directory.CreateDirectory(folder);
        if (Accept)
        {
            File.WriteAllText(verifiedPath, actual, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return null;
        }
        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        var hint = $"Received: {receivedPath}\nAccept with {AcceptVariable}=1 or by renaming it to {Path.GetFileName(verifiedPath)}.";
        return verified is null
            ? $"New snapshot {name}: no verified file yet.\n{hint}"
            : $"Snapshot {name} differs.\n{hint}\n{UnifiedDiff(verified, actual, name)}";
    }

    /// <summary>A unified diff (---/+++/@@ hunks with 3 lines of context) of verified → received.</summary>
    public static string UnifiedDiff(string verified, string received, string name)
    {
        var lines = new InlineDiffBuilder(new Differ()).BuildDiffModel(verified, received, false).Lines;
        var builder = new StringBuilder().Append($"--- {name}.verified.cs\n+++ {name}.received.cs\n");
        var changed = Enumerable.Range(0, lines.Count).Where(i => lines[i].Type != ChangeType.Unchanged).ToList();
        var i = 0;
        while (i < changed.Count)
        {
            var start = Math.Max(0, changed[i] - Context);
            var end = changed[i];
            while (i < changed.Count && changed[i] - end <= 2 * Context) end = changed[i++];
            end = Math.Min(lines.Count - 1, end + Context);
            AppendHunk(builder, lines, start, end);
        }
        return builder.ToString();
    }

    private static void AppendHunk(StringBuilder builder, List<DiffPiece> lines, int start, int end)
    {
        int oldLine = 1, newLine = 1;
        for (var k = 0; k < start; k++) Advance(lines[k].Type, ref oldLine, ref newLine);
        int oldStart = oldLine, newStart = newLine, oldCount = 0, newCount = 0;
        var body = new StringBuilder();
        for (var k = start; k <= end; k++)
        {
            var prefix = lines[k].Type switch { ChangeType.Deleted => '-', ChangeType.Inserted => '+', _ => ' ' };
            body.Append(prefix).Append(lines[k].Text).Append('\n');
            if (prefix != '+') oldCount++;
            if (prefix != '-') newCount++;
        }
        builder.Append($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n").Append(body);
    }

    private static void Advance(ChangeType type, ref int oldLine, ref int newLine)
    {
        if (type != ChangeType.Inserted) oldLine++;
        if (type != ChangeType.Deleted) newLine++;
    }

    private static string Strip(string hint) => hint.EndsWith(".g.cs", StringComparison.Ordinal) ? hint[..^".g.cs".Length] : hint;

    private static string Lf(string text) => text.Replace("\r\n", "\n");
}
