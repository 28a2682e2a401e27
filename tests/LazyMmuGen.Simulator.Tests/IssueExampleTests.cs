namespace LazyMmuGen.Simulator.Tests;

/// <summary>The examples issue 5 names, and the scheduling of the mixed workload.</summary>
public class IssueExampleTests
{
    [Fact]
    public void Xen_mprotect_of_512_ptes_is_18_direct_hypercalls_in_final_and_512_eager()
    {
        // The walk opens one section per table of 256 ptes (PageWalk.TablePtes). An entry holds 31 mmu_updates
        // (xen_mc_extend_args(): (argidx + size) >= MC_ARGS) and a one-entry flush is a direct hypercall
        // (xen_mc_flush() "Singleton multicall"): ceil(256 / 31) = 9 per table. One section of 512 would be 17
        // (X86XenTests in Arches.Tests pins that).
        var final = Sim.Run("x86-xen", "mprotect", "final", 512).Effects;
        Assert.Equal(18, final["hypercall"]);
        Assert.Equal(0, final["multicall"]);
        Assert.Equal(512, final["mmu_update"]);

        var eager = Sim.Run("x86-xen", "mprotect", "eager", 512).Effects;
        Assert.Equal(512, eager["hypercall"]);
        Assert.Equal(0, eager["multicall"]);
        Assert.Equal(512, eager["mmu_update"]);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(512)]
    [InlineData(1000)]
    public void Arm64_unmap_pays_one_barrier_pair_for_the_permission_change_in_every_mode(int size)
    {
        // The zap clears ptes (invalid: no dsb+isb); only the nested section's valid linear-map pte needs a pair.
        // Eager pays it at the write, every lazy mode at the inner disable; legacy's end of batching at the
        // inner leave costs nothing, because the writes after it are clears.
        foreach (var mode in new[] { "eager", "legacy", "final", "v3" })
        {
            var e = Sim.Run("arm64", "unmap", mode, size).Effects;
            Assert.Equal(1, e["dsb"]);
            Assert.Equal(1, e["isb"]);
            Assert.Equal(size + 1, e["pte_write"]);
        }
    }

    [Theory]
    [InlineData(256, 128, 133, 10)]
    [InlineData(1024, 128, 160, 37)]
    [InlineData(300, 22, 32, 11)]
    public void Xen_unmap_legacy_pays_a_hypercall_for_every_write_after_the_inner_leave(int size, int after, int legacyCalls, int finalCalls)
    {
        // Xen batches clears too, so legacy's end of batching at the first inner leave shows: every later write
        // of that outer section is a direct hypercall of its own. Every batched flush is a singleton (one merged
        // entry of at most 31 updates, xen_mc_flush()), so it is a direct hypercall too: legacy pays its batched
        // flushes plus `after` single-update calls; final batches everything.
        var legacy = Sim.Run("x86-xen", "unmap", "legacy", size).Effects;
        var final = Sim.Run("x86-xen", "unmap", "final", size).Effects;
        Assert.Equal(legacyCalls, legacy["hypercall"]);
        Assert.Equal(finalCalls, final["hypercall"]);
        Assert.Equal(size + 1, legacy["mmu_update"]);
        Assert.Equal(size + 1, final["mmu_update"]);
        Assert.True(legacyCalls - after < finalCalls, "legacy's batched flushes are fewer than final's, since it stops batching");
        Assert.Equal(0, legacy["multicall"] + final["multicall"]);
    }

    [Fact]
    public void Xen_mixed_batches_across_a_context_switch_and_a_migration()
    {
        // Task 1's section is flushed when its buffer holds 31 updates, by the switch-out hook (t=128), by task 2's
        // own leave, by the migration (t=192) and at its leave; interrupt writes are direct hypercalls. Every flush
        // is one merged entry, so a direct hypercall too (xen_mc_flush() singleton): 12 flushes + 4 interrupts.
        var e = Sim.Run("x86-xen", "mixed", "final");
        Assert.Equal("hypercall=16 mmu_update=276 preempt_disable=4 preempt_enable=4 context_switch=4 pte_write=276",
            e.Effects.ToString());
        Assert.Empty(e.Notes);
    }

    [Theory]
    [InlineData("s390")]
    [InlineData("powerpc-hash")]
    [InlineData("sparc64")]
    public void A_section_that_disables_preemption_is_switched_at_its_end_not_in_the_middle(string arch)
    {
        var r = Sim.Run(arch, "mixed", "final");
        Assert.Equal(4, r.Effects["context_switch"]);
        Assert.Empty(r.Notes);
    }
}
