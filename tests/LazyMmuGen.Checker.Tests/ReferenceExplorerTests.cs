using LazyMmuGen.Arches;
using LazyMmuGen.Checker.Explorer;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker.Tests;

/// <summary>
/// Issue 14: every shortcut of the explorer (anchors and unchecked replays, a state stepped in place by its last op,
/// refused and idle ops told apart before anything is stepped, the tables of numbers) must explore exactly the states
/// the plainest breadth-first search does: a clone per transition, every op the machine does not refuse stepped and
/// checked, one HashSet; with CPU symmetry and under the earlier revisions too, where it must stop at the same
/// property. A shortcut that read a state after stepping it in place once gave other counts at depth 8.
/// </summary>
public sealed class ReferenceExplorerTests
{
    [Theory]
    [MemberData(nameof(StoredStateTests.Arches), MemberType = typeof(StoredStateTests))]
    public void The_explorer_reaches_the_states_a_plain_search_reaches(string name)
    {
        var arch = LazyMmuArchRegistry.Find(name)!;
        const int depth = 7;
        var result = ModelChecker.Check(arch, new CheckOptions { Depth = depth, Symmetry = false });
        var (states, violation) = PlainSearch(arch, depth);
        Assert.Equal(violation, result.Violation?.Property);
        if (violation is null) Assert.Equal(states, result.States);
    }

    [Theory]
    [InlineData("s390", "v3")]
    [InlineData("powerpc-hash", "v3")]
    [InlineData("s390-saved-range", "v2")]
    [InlineData("arm64-kpkeys", "legacy")]
    [InlineData("x86-xen", "final")]
    public void With_cpu_symmetry_and_other_revisions_it_finds_what_a_plain_search_finds(string name, string revision)
    {
        var arch = LazyMmuArchRegistry.Find(name)!;
        var rev = Enum.Parse<GenericRevision>(revision, ignoreCase: true);
        const int depth = 6;
        var result = ModelChecker.Check(arch, new CheckOptions { Depth = depth, Revision = rev });
        var (states, violation) = PlainSearch(arch, depth, rev, symmetry: true);
        Assert.Equal(violation, result.Violation?.Property);
        if (violation is null) Assert.Equal(states, result.States);
    }

    /// <summary>The number of distinct states to <paramref name="depth"/>, or the property of the first violation.</summary>
    private static (long States, string? Violation) PlainSearch(ArchInfo arch, int depth,
        GenericRevision revision = GenericRevision.Final, bool symmetry = false)
    {
        var alphabet = Alphabet.For(arch).Select(t => OpScript.Parse(t).Single()).ToArray();
        var renamings = Symmetry.CpuRenamings(arch, alphabet, Machines.For(revision).Cpus, symmetry);
        var origin = new CheckedRun(arch, revision);
        var seen = new HashSet<StateKey> { origin.StateKey(renamings) };
        var frontier = new List<CheckedRun> { origin };
        for (var d = 1; d <= depth; d++)
        {
            var next = new List<CheckedRun>();
            foreach (var state in frontier)
            {
                foreach (var op in alphabet)
                {
                    if (state.Refuses(op)) continue;
                    var successor = state.Clone();
                    if (successor.Step(op, check: true) is { } broken) return (seen.Count, broken.Property);
                    if (successor.DeadEnd) continue;
                    if (seen.Add(successor.StateKey(renamings))) next.Add(successor);
                }
            }
            frontier = next;
        }
        return (seen.Count, null);
    }
}
