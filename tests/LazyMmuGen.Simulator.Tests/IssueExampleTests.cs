namespace LazyMmuGen.Simulator.Tests;

/// <summary>The examples issue 5 names, and the scheduling of the mixed workload.</summary>
public class IssueExampleTests
{
    [Fact]
    public void Xen_mprotect_of_512_ptes_is_16_multicalls_in_final_and_512_hypercalls_eager()
    {
        // Two page tables of 256; 32 mmu_update requests of 16 bytes fill the 512 argument bytes: 8 per table.
        var final = Sim.Run("x86-xen", "mprotect", "final", 512).Effects;
        Assert.Equal(16, final[Effect.Multicall]);
        Assert.Equal(0, final[Effect.Hypercall]);
        Assert.Equal(512, final[Effect.MmuUpdate]);

        var eager = Sim.Run("x86-xen", "mprotect", "eager", 512).Effects;
        Assert.Equal(512, eager[Effect.Hypercall]);
        Assert.Equal(0, eager[Effect.Multicall]);
        Assert.Equal(512, eager[Effect.MmuUpdate]);
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
            Assert.Equal(1, e[Effect.Dsb]);
            Assert.Equal(1, e[Effect.Isb]);
            Assert.Equal(size + 1, e[Effect.PteWrite]);
        }
    }

    [Theory]
    [InlineData(256, 128)]
    // 4 tables; the nested section is in table 2 after 128 writes: its last 128 writes follow the inner leave.
    [InlineData(1024, 128)]
    // 2 tables: the nested section is in table 1 (the last 44 ptes): 22 before it, 22 after.
    [InlineData(300, 22)]
    public void Xen_unmap_legacy_pays_a_hypercall_for_every_write_after_the_inner_leave(int size, int after)
    {
        // Xen batches clears too, so legacy's end of batching at the first inner leave shows: every later write
        // of that outer section is a direct hypercall. Final batches them all.
        var legacy = Sim.Run("x86-xen", "unmap", "legacy", size).Effects;
        Assert.Equal(after, legacy[Effect.Hypercall]);
        Assert.Equal(size + 1, legacy[Effect.MmuUpdate]);
        Assert.Equal(0, Sim.Run("x86-xen", "unmap", "final", size).Effects[Effect.Hypercall]);
    }

    [Fact]
    public void Xen_mixed_batches_across_a_context_switch_and_a_migration()
    {
        // Task 1's section is flushed by the switch-out hook (t=128), by task 2's own leave, by the migration
        // (t=192) and at its leave; interrupt writes are direct hypercalls. 4 + 1 + 2 + 2 = 9 multicalls.
        var e = Sim.Run("x86-xen", "mixed", "final");
        Assert.Equal("hypercall=4 multicall=9 multicall_entries=9 preempt_disable=4 preempt_enable=4 context_switch=4 pte_write=276 mmu_update=276",
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
        Assert.Equal(4, r.Effects[Effect.ContextSwitch]);
        Assert.Empty(r.Notes);
    }
}
