using System.Runtime.CompilerServices;
using System.Text;
using LazyMmuGen.Hosting;

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
        var hint = $"Received: {receivedPath}\nIf the change is intended, run `dotnet run --project cli -- accept` (or set {AcceptVariable}=1, or rename it to {Path.GetFileName(verifiedPath)}).";
        return verified is null
            ? $"New snapshot {name}: no verified file yet.\n{hint}"
            : $"Snapshot {name} differs.\n{hint}\n{UnifiedDiff(verified, actual, name)}";
    }

    /// <summary>A unified diff (---/+++/@@ hunks with 3 lines of context) of verified → received.</summary>
    public static string UnifiedDiff(string verified, string received, string name) =>
        TextDiff.Unified(verified, received, name + ".verified.cs", name + ".received.cs");

    private static string Strip(string hint) => hint.EndsWith(".g.cs", StringComparison.Ordinal) ? hint[..^".g.cs".Length] : hint;

    private static string Lf(string text) => text.Replace("\r\n", "\n");
}
