using LazyMmuGen.Arches;
using LazyMmuGen.Checker.Explorer;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker.Tests;

/// <summary>
/// Issue 14: the explorer expands a state from its stored run (a clone), not by replaying its op prefix. That
/// is sound only if a run reached through a chain of clones is in the same state as a fresh run of the same
/// ops, for every built-in arch and every op of its alphabet.
/// </summary>
public sealed class StoredStateTests
{
    public static TheoryData<string> Arches() => new(LazyMmuArchRegistry.All.Select(a => a.Name));

    [Theory]
    [MemberData(nameof(Arches))]
    public void A_chain_of_clones_reaches_the_same_state_as_replaying_the_ops(string name)
    {
        var arch = LazyMmuArchRegistry.Find(name)!;
        var alphabet = Alphabet.For(arch).Select(t => OpScript.Parse(t).Single()).ToArray();
        var rng = new Random(14);
        for (var sequence = 0; sequence < 300; sequence++)
        {
            var ops = Enumerable.Range(0, 1 + rng.Next(9)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray();
            var chained = new CheckedRun(arch, GenericRevision.Final);
            var replayed = new CheckedRun(arch, GenericRevision.Final);
            for (var i = 0; i < ops.Length; i++)
            {
                chained = chained.Clone();
                var broken = chained.Step(ops[i], check: true);
                replayed.Step(ops[i], check: i == ops.Length - 1);
                if (broken is not null || chained.DeadEnd) break;
                Assert.True(chained.StateKey() == replayed.StateKey(),
                    $"{name}: after {string.Join(";", ops.Take(i + 1).Select(o => o.Text))} the cloned run differs:\n{chained.Fingerprint()}\n{replayed.Fingerprint()}");
            }
        }
    }
}

/// <summary>Issue 14: the results do not depend on the number of threads (states, transitions, counterexample).</summary>
public sealed class ThreadCountTests
{
    [Theory]
    [InlineData("arm64-kpkeys")]
    [InlineData("x86-xen-strict-enter")]
    [InlineData("s390-saved-range")]
    public void One_thread_and_every_core_give_identical_results(string name)
    {
        var arch = LazyMmuArchRegistry.Find(name)!;
        var one = ModelChecker.Check(arch, new CheckOptions { Depth = 5, MaxThreads = 1 });
        var all = ModelChecker.Check(arch, new CheckOptions { Depth = 5 });

        Assert.Equal((one.States, one.Transitions, one.Depth), (all.States, all.Transitions, all.Depth));
        Assert.Equal(one.Violation?.Script, all.Violation?.Script);
        Assert.Equal(one.Violation?.Property, all.Violation?.Property);
    }
}
