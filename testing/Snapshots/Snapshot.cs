using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace LazyMmuGen.Testing;

/// <summary>
/// Snapshot assertions following Verify's file conventions: the snapshot of <c>name</c> taken in test method
/// <c>M</c> of the test file <c>C.cs</c> is <c>Snapshots/C.M_name.verified.cs</c>, in a folder next to that file
/// (found through the compiler-supplied caller path). On a mismatch or a missing snapshot the actual text is
/// written beside it as <c>C.M_name.received.cs</c> (ignore <c>*.received.*</c> in version control) and the test
/// fails with a unified diff. To accept a change, run the tests again with the environment variable
/// <c>LAZYMMU_ACCEPT=1</c> (<c>LAZYMMU_ACCEPT=1 dotnet test</c>), which overwrites the verified files, or rename
/// the received file. Text is compared and written with LF line ends, as UTF-8 without a byte order mark.
/// </summary>
public static class Snapshot
{
    /// <summary>The environment variable that accepts every snapshot a test run produces (<c>1</c> or <c>true</c>).</summary>
    public const string AcceptVariable = "LAZYMMU_ACCEPT";

    /// <summary>True when this test run accepts snapshots instead of comparing them (<see cref="AcceptVariable"/> is set).</summary>
    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";

    /// <summary>Checks <paramref name="actual"/> against the snapshot called <paramref name="name"/> of the calling test.</summary>
    /// <param name="name">Distinguishes this snapshot among the test method's snapshots; part of the file name.</param>
    /// <param name="actual">The text the test produced.</param>
    /// <param name="sourceFile">Supplied by the compiler: the calling test's source file.</param>
    /// <param name="method">Supplied by the compiler: the calling test method.</param>
    public static void Verify(string name, string actual,
        [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "") =>
        VerifyAll([(name, actual)], null, sourceFile, method);

    /// <summary>
    /// Checks every snapshot of the calling test and fails once, listing each difference, so one run shows (and,
    /// with <see cref="AcceptVariable"/>, accepts) all of them.
    /// </summary>
    /// <param name="snapshots">Each snapshot's name (part of its file name) and the text the test produced.</param>
    /// <param name="acceptHint">An extra line for failure messages, such as a project's own accept command; null for none.</param>
    /// <param name="sourceFile">Supplied by the compiler: the calling test's source file.</param>
    /// <param name="method">Supplied by the compiler: the calling test method.</param>
    public static void VerifyAll(IEnumerable<(string Name, string Actual)> snapshots, string? acceptHint = null,
        [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        var folder = FolderFor(sourceFile);
        var prefix = Prefix(sourceFile, method);
        var failures = snapshots.Select(s => Check(folder, prefix + s.Name, s.Actual, acceptHint)).OfType<string>().ToList();
        if (failures.Count > 0) Assert.Fail(string.Join("\n\n", failures));
    }

    /// <summary>
    /// The folder holding the snapshots of tests in <paramref name="sourceFile"/>: <c>Snapshots</c> beside it.
    /// Fails when the caller path is not a real folder, as when a build maps source paths (<c>PathMap</c>, or
    /// <c>ContinuousIntegrationBuild</c>/<c>DeterministicSourcePaths</c>): snapshots must then be found another way.
    /// </summary>
    /// <param name="sourceFile">A test's source file, as <see cref="CallerFilePathAttribute"/> gives it.</param>
    public static string FolderFor(string sourceFile)
    {
        var directory = Path.GetDirectoryName(sourceFile);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            Assert.Fail($"The test's source path '{sourceFile}' is not a folder on this machine, so its Snapshots/ folder cannot be found. " +
                "The test assembly was built with mapped source paths (PathMap, ContinuousIntegrationBuild or DeterministicSourcePaths); build the tests without them.");
        return Path.Combine(directory!, "Snapshots");
    }

    /// <summary>The start of every snapshot file name of a test method: <c>C.M_</c>.</summary>
    /// <param name="sourceFile">The test's source file (its name without extension is the <c>C</c> part).</param>
    /// <param name="method">The test method.</param>
    public static string Prefix(string sourceFile, string method) =>
        $"{Path.GetFileNameWithoutExtension(sourceFile.Replace('\\', '/').Split('/').Last())}.{method}_";

    /// <summary>
    /// Compares one snapshot file with <paramref name="actual"/>: null when equal (or accepted, or written for the
    /// first time under <see cref="AcceptVariable"/>), otherwise the failure message, after writing the received file.
    /// </summary>
    /// <param name="folder">The folder of the snapshot files.</param>
    /// <param name="name">The file name without <c>.verified.cs</c>.</param>
    /// <param name="actual">The text the test produced.</param>
    /// <param name="acceptHint">An extra line for the failure message; null for none.</param>
    public static string? Check(string folder, string name, string actual, string? acceptHint = null)
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
        if (Accepting)
        {
            File.WriteAllText(verifiedPath, actual, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return null;
        }
        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        var hint = $"Received: {receivedPath}\n" +
            $"If the change is intended, accept it: run the tests again with {AcceptVariable}=1 (e.g. `{AcceptVariable}=1 dotnet test`), " +
            $"or rename the received file to {Path.GetFileName(verifiedPath)}." + (acceptHint is null ? "" : "\n" + acceptHint);
        return verified is null
            ? $"New snapshot {name}: there is no {verifiedPath} yet.\n{hint}"
            : $"Snapshot {name} differs from {verifiedPath}.\n{hint}\n{UnifiedDiff.Of(verified, actual, name + ".verified.cs", name + ".received.cs")}";
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n");
}
