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

/// <summary>
/// Issue 14: the explorer resets one scratch run to each state it expands (CheckedRun.CopyFrom, through
/// MachineCore.CopyFrom and IMechanismState.TryCopyFrom, copy-on-write ipte-cache tables included) instead of cloning
/// per transition. A scratch run copied from a stored run must step exactly as a clone of it does, and must leave
/// the stored run untouched, for every built-in arch.
/// </summary>
public sealed class ScratchCopyTests
{
    [Theory]
    [MemberData(nameof(StoredStateTests.Arches), MemberType = typeof(StoredStateTests))]
    public void A_scratch_copy_steps_as_a_clone_does_and_leaves_its_source_alone(string name)
    {
        var arch = LazyMmuArchRegistry.Find(name)!;
        var alphabet = Alphabet.For(arch).Select(t => OpScript.Parse(t).Single()).ToArray();
        var rng = new Random(41);
        var scratch = new CheckedRun(arch, GenericRevision.Final);
        var compared = 0;
        for (var sequence = 0; sequence < 200; sequence++)
        {
            var stored = new CheckedRun(arch, GenericRevision.Final);
            foreach (var op in Enumerable.Range(0, rng.Next(8)).Select(_ => alphabet[rng.Next(alphabet.Length)]))
            {
                if (stored.Step(op, check: true) is not null || stored.DeadEnd) break;
            }
            if (stored.DeadEnd) continue;
            var before = stored.Fingerprint();
            foreach (var op in alphabet)
            {
                var clone = stored.Clone();
                var cloneBroken = clone.Step(op, check: true);
                scratch.CopyFrom(stored);
                var scratchBroken = scratch.Step(op, check: true);
                Assert.Equal(cloneBroken, scratchBroken);
                Assert.True(clone.Fingerprint() == scratch.Fingerprint(), $"{name}: {op.Text} after a copy differs from after a clone:\n{clone.Fingerprint()}\n{scratch.Fingerprint()}");
                Assert.Equal(before, stored.Fingerprint());
                compared++;
            }
        }
        Assert.True(compared > 1000, $"{name}: only {compared} steps compared");
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
