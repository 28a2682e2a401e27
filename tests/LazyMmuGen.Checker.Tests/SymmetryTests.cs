using LazyMmuGen.Arches;
using LazyMmuGen.Checker.Explorer;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker.Tests;

/// <summary>
/// Issue 14, CPU symmetry (docs/checker.md#symmetry): states that differ only by which CPU is which get one key when
/// the arch's mechanisms declare cpu-symmetric and the alphabet is closed under renaming CPUs; the verdicts and the
/// counterexample lengths are those of the unreduced search.
/// </summary>
public sealed class SymmetryTests
{
    private static ScriptOp[] Ops(IEnumerable<string> texts) => texts.Select(t => OpScript.Parse(t).Single()).ToArray();

    [Fact]
    public void A_state_and_its_cpu_renamed_twin_share_a_key_only_under_the_renamings()
    {
        var arch = LazyMmuArchRegistry.Find("powerpc-hash")!;
        var renamings = Symmetry.CpuRenamings(arch, Ops(Alphabet.For(arch)), cpus: 2, enabled: true);
        Assert.Equal([[0, 1], [1, 0]], renamings);
        // Task 1 on CPU 0 with a batched invalidation, and the same on CPU 1 (made after migrating). The second write
        // is the one batched: powerpc owes an invalidation only for a valid old pte (hash__pte_update()).
        var here = new CheckedRun(arch, GenericRevision.Final);
        var there = new CheckedRun(arch, GenericRevision.Final);
        foreach (var op in Ops(["enable", "set_pte(addr=0x1000)", "set_pte(addr=0x1000)"])) here.Step(op, check: true);
        foreach (var op in Ops(["migrate(cpu=1)", "enable", "set_pte(addr=0x1000)", "set_pte(addr=0x1000)"])) there.Step(op, check: true);

        Assert.Equal(here.StateKey(renamings), there.StateKey(renamings));
        Assert.NotEqual(here.StateKey(), there.StateKey());
        Assert.True(there.Fingerprint().Contains("|c1:Tlb=tlb[1 12 28 1 1]", StringComparison.Ordinal), there.Fingerprint());
    }

    [Fact]
    public void Renamings_are_only_the_identity_when_the_alphabet_is_not_closed_or_the_option_is_off()
    {
        var arch = LazyMmuArchRegistry.Find("arm64")!;
        Assert.Equal([[0, 1]], Symmetry.CpuRenamings(arch, Ops(["enable", "migrate(cpu=1)"]), cpus: 2, enabled: true));
        Assert.Equal([[0, 1]], Symmetry.CpuRenamings(arch, Ops(Alphabet.For(arch)), cpus: 2, enabled: false));
        Assert.Equal(2, Symmetry.CpuRenamings(arch, Ops(["enable", "migrate(cpu=1)", "migrate(cpu=0)"]), cpus: 2, enabled: true).Length);
    }

    [Fact]
    public void An_arch_whose_mechanisms_do_not_declare_cpu_symmetry_is_keyed_as_it_is()
    {
        var arch = LazyMmuArchRegistry.Find("arm64")!;
        Assert.True(arch.Facts.CpuSymmetric);
        var undeclared = arch with { Facts = arch.Facts with { CpuSymmetric = false } };
        Assert.Equal([[0, 1]], Symmetry.CpuRenamings(undeclared, Ops(Alphabet.For(arch)), cpus: 2, enabled: true));
        Assert.Equal(ModelChecker.Check(arch, new CheckOptions { Depth = 5, Symmetry = false }).States,
            ModelChecker.Check(undeclared, new CheckOptions { Depth = 5 }).States);
    }

    public static TheoryData<string> Arches() => new(LazyMmuArchRegistry.All.Select(a => a.Name));

    [Theory]
    [MemberData(nameof(Arches))]
    public void The_reduced_search_gives_the_verdict_and_counterexample_length_of_the_full_one(string name)
    {
        var arch = LazyMmuArchRegistry.Find(name)!;
        foreach (var revision in new[] { GenericRevision.Final, GenericRevision.V3 })
        {
            var full = ModelChecker.Check(arch, new CheckOptions { Depth = 5, Revision = revision, Symmetry = false });
            var reduced = ModelChecker.Check(arch, new CheckOptions { Depth = 5, Revision = revision });
            Assert.Equal(full.Violation?.Property, reduced.Violation?.Property);
            Assert.Equal(full.Violation?.Ops.Count, reduced.Violation?.Ops.Count);
            Assert.True(reduced.States <= full.States, $"{name} {revision}: {reduced.States} > {full.States}");
            if (full.Violation is null && arch.Facts.CpuSymmetric && name != "x86-native")
                Assert.True(reduced.States < full.States, $"{name} {revision}: symmetry saved nothing ({full.States} states)");
        }
    }

    /// <summary>
    /// The key writes the CPUs once, sorted by what renaming cannot change, and falls back to the least key over every
    /// renaming only when two CPUs compare equal. Both are canonical, so they must split states into the same classes:
    /// compared on random states of every built-in, each with its CPU-swapped twin.
    /// </summary>
    [Theory]
    [MemberData(nameof(Arches))]
    public void The_sorted_cpu_key_splits_states_as_the_least_key_over_every_renaming_does(string name)
    {
        var arch = LazyMmuArchRegistry.Find(name)!;
        var alphabet = Ops(Alphabet.For(arch));
        var renamings = Symmetry.CpuRenamings(arch, alphabet, cpus: 2, enabled: true);
        var rng = new Random(7);
        var byLeast = new Dictionary<StateKey, StateKey>();
        for (var sequence = 0; sequence < 300; sequence++)
        {
            var run = new CheckedRun(arch, GenericRevision.Final);
            var length = 1 + rng.Next(8);
            for (var i = 0; i < length && !run.DeadEnd; i++)
            {
                var op = alphabet[rng.Next(alphabet.Length)];
                if (run.Refusal(op) is null && run.Step(op, check: true) is not null) break;
            }
            var least = renamings.Select(r => LeastKey(run, r)).Min();
            var key = run.StateKey(renamings);
            // The same class gets the same key, and a different class a different one.
            if (byLeast.TryGetValue(least, out var earlier)) Assert.Equal(earlier, key);
            else Assert.DoesNotContain(key, byLeast.Values);
            byLeast[least] = key;
        }
        Assert.True(byLeast.Count > 20, $"{name}: only {byLeast.Count} classes met");
    }

    /// <summary>The key of <paramref name="run"/> written under one renaming (what the least-key fallback compares).</summary>
    private static StateKey LeastKey(CheckedRun run, int[] renaming) => run.StateKey([renaming, renaming]);

    /// <summary>
    /// What does not decide the future is not state: a TLB batch emptied by its flush keeps the page and segment size
    /// of its last entries, and the oracle keeps a task's (0, 0) counters, but the emptied batch behaves as one never
    /// used (TlbBatch.Differs looks at them only while the batch holds entries) and Counters answers (0, 0) for a task
    /// never seen, so both runs below are one state.
    /// </summary>
    [Fact]
    public void A_section_that_is_over_leaves_no_trace_in_the_state()
    {
        var arch = LazyMmuArchRegistry.Find("powerpc-hash")!;
        var sectioned = new CheckedRun(arch, GenericRevision.Final);
        var plain = new CheckedRun(arch, GenericRevision.Final);
        foreach (var op in Ops(["set_pte(page_shift=21,addr=0x1000)", "enable", "set_pte(page_shift=21,addr=0x1000)", "disable"]))
            Assert.Null(sectioned.Step(op, check: true));
        Assert.Null(plain.Step(Ops(["set_pte(page_shift=21,addr=0x1000)"])[0], check: true));
        Assert.Equal(plain.Fingerprint(), sectioned.Fingerprint());
        Assert.Equal(plain.StateKey(), sectioned.StateKey());
        Assert.Contains("Tlb=tlb[0]", plain.Fingerprint(), StringComparison.Ordinal);
    }
}
