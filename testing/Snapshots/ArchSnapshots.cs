using System.Runtime.CompilerServices;
using LazyMmuGen.Runtime;
using Xunit;

namespace LazyMmuGen.Testing;

/// <summary>
/// Snapshots of each generated arch's source, from what the generator published in the registry
/// (<see cref="ArchInfo.GeneratedSource"/>), so a test project needs no generator of its own. One snapshot per
/// arch, named by its type: <c>Snapshots/C.M_RiscvSfence.verified.cs</c> (see <see cref="Snapshot"/> for the files
/// and how to accept a change). A descriptor change that changes the generated code fails the test with a diff.
/// </summary>
public static class ArchSnapshots
{
    /// <summary>Checks one arch's generated source against its snapshot.</summary>
    /// <param name="arch">A registry entry, such as <c>LazyMmuArchRegistry.RiscvSfence</c>.</param>
    /// <param name="sourceFile">Supplied by the compiler: the calling test's source file.</param>
    /// <param name="method">Supplied by the compiler: the calling test method.</param>
    public static void Verify(ArchInfo arch, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "") =>
        Snapshot.VerifyAll([(arch.TypeName, SourceOf(arch))], null, sourceFile, method);

    /// <summary>
    /// Checks every arch of a registry (<c>LazyMmuArchRegistry.All</c>) and fails once, listing each difference. A
    /// snapshot of this test whose arch is gone is reported too (and deleted when accepting), so removing a
    /// descriptor leaves no stale file.
    /// </summary>
    /// <param name="arches">The arches whose generated source the test pins; at least one.</param>
    /// <param name="sourceFile">Supplied by the compiler: the calling test's source file.</param>
    /// <param name="method">Supplied by the compiler: the calling test method.</param>
    public static void VerifyAll(IEnumerable<ArchInfo> arches, [CallerFilePath] string sourceFile = "", [CallerMemberName] string method = "")
    {
        var list = arches.ToList();
        if (list.Count == 0)
            Assert.Fail("No arches to snapshot: the registry is empty. Is there a *.arch.yaml descriptor in the arch library, and does it build without LMG errors?");
        var folder = Snapshot.FolderFor(sourceFile);
        var prefix = Snapshot.Prefix(sourceFile, method);
        var failures = list.Select(a => Snapshot.Check(folder, prefix + a.TypeName, SourceOf(a))).OfType<string>().ToList();
        failures.AddRange(Stale(folder, prefix, list));
        if (failures.Count > 0) Assert.Fail(string.Join("\n\n", failures));
    }

    private static string SourceOf(ArchInfo arch) => arch.GeneratedSource ?? throw new InvalidOperationException(
        $"Arch '{arch.Name}' publishes no generated source (ArchInfo.GeneratedSource is null): its registry was rendered by a " +
        "registry template override that does not set GeneratedSource. Set it as templates/registry.scriban does (GeneratedSource = {{ arch.source_literal }}).");

    /// <summary>Verified files of this test method that belong to no given arch.</summary>
    private static IEnumerable<string> Stale(string folder, string prefix, IReadOnlyList<ArchInfo> arches)
    {
        if (!Directory.Exists(folder)) yield break;
        var expected = arches.Select(a => prefix + a.TypeName + ".verified.cs").ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, prefix + "*.verified.cs").Order(StringComparer.Ordinal))
        {
            if (expected.Contains(Path.GetFileName(path))) continue;
            if (Snapshot.Accepting)
            {
                File.Delete(path);
                continue;
            }
            yield return $"Stale snapshot {path}: no arch of that type name is in the registry any more. " +
                $"Delete it, or run the tests again with {Snapshot.AcceptVariable}=1.";
        }
    }
}
