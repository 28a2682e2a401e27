using System.Runtime.CompilerServices;
using LazyMmuGen.Testing;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// The generator runs' side of LazyMmuGen.Testing's <see cref="Snapshot"/> (the package consumers use): one
/// snapshot per generated file, named by its hint name without .g.cs, so <c>Snapshots/SnapshotTests.BuiltinArch_Arm64.verified.cs</c>.
/// </summary>
public static class SnapshotHelper
{
    /// <summary>Inside this repository one command rewrites these snapshots together with every other artifact.</summary>
    private const string RepositoryHint = "In the LazyMmuGen repository, `dotnet run --project cli -- accept` rewrites all generator snapshots at once.";

    /// <summary>Checks each generated file of the run against its snapshot; fails once listing every difference.</summary>
    public static void Verify(GeneratorRun run, IEnumerable<string> hintNames,
        [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "") =>
        Snapshot.VerifyAll(hintNames.Select(hint => (Strip(hint), run.Source(hint))), RepositoryHint, sourceFile, method);

    private static string Strip(string hint) => hint.EndsWith(".g.cs", StringComparison.Ordinal) ? hint[..^".g.cs".Length] : hint;
}
