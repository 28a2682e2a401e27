namespace LazyMmuGen.Simulator.Tests;

/// <summary>
/// Every effect of one workload per arch, in every mode, at the default size (256 ptes: one page table,
/// so one outer section). The derivation of each line is in the comment above it.
/// </summary>
public class ExactCountTests
{
    private const string Arm64Unmap = "dsb=1 isb=1 pte_write=257";
    private const string KpkeysBatched = "isb=2 reg_write=2 pte_write=256";
    private const string PowerpcBatched = "tlb_flush=2 tlb_flush_entries=256 tlb_flush_range=2 preempt_disable=1 preempt_enable=1 pte_write=256";
    private const string S390Batched = "ipte=1 ipte_entries=256 preempt_disable=1 preempt_enable=1 pte_write=256";
    private const string S390Unmap = "ipte=2 ipte_entries=256 preempt_disable=2 preempt_enable=2 pte_write=257";
    private const string Sparc64Batched = "tlb_flush=2 tlb_flush_entries=256 tlb_flush_range=2 preempt_disable=1 preempt_enable=1 pte_write=512";
    private const string XenBatched = "hypercall=10 mmu_update=257 preempt_disable=2 preempt_enable=2 pte_write=257";

    [Theory]
    // arm64 unmap: 256 kernel ptes cleared (invalid: no barriers) + 1 nested linear-map pte made valid (one pair).
    // Eager pays that pair at the write; every lazy mode defers it to the inner disable (legacy: the leave that
    // ends the mode; final and v3: the flush), and the outer disable finds nothing pending. The zap after the
    // inner leave needs no barriers, so legacy's end of batching costs arm64 nothing here.
    [InlineData("arm64", "unmap", "eager", Arm64Unmap)]
    [InlineData("arm64", "unmap", "legacy", Arm64Unmap)]
    [InlineData("arm64", "unmap", "final", Arm64Unmap)]
    [InlineData("arm64", "unmap", "v3", Arm64Unmap)]
    // kpkeys mprotect (user ptes: no barriers). Eager: POR_EL1 to PGTABLES and back per write, each with an isb.
    [InlineData("arm64-kpkeys", "mprotect", "eager", "isb=512 reg_write=512 pte_write=256")]
    // Lazy: one switch at enter, one restore at leave.
    [InlineData("arm64-kpkeys", "mprotect", "legacy", KpkeysBatched)]
    [InlineData("arm64-kpkeys", "mprotect", "final", KpkeysBatched)]
    [InlineData("arm64-kpkeys", "mprotect", "v3", KpkeysBatched)]
    // powerpc-hash mprotect. Eager: one single-entry invalidation per write.
    [InlineData("powerpc-hash", "mprotect", "eager", "tlb_flush=256 tlb_flush_entries=256 pte_write=256")]
    // Lazy: the batch of 192 flushes when full, the remaining 64 at leave: 2 range flushes.
    [InlineData("powerpc-hash", "mprotect", "legacy", PowerpcBatched)]
    [InlineData("powerpc-hash", "mprotect", "final", PowerpcBatched)]
    [InlineData("powerpc-hash", "mprotect", "v3", PowerpcBatched)]
    // s390 mprotect of 256 mapped ptes. Eager: one IPTE per write (each replaces a valid pte).
    [InlineData("s390", "mprotect", "eager", "ipte=256 ipte_entries=256 pte_write=256")]
    // Lazy: the ranged enable caches the whole table; leave writes back one run of 256 valid old ptes = one IPTE.
    [InlineData("s390", "mprotect", "legacy", S390Batched)]
    [InlineData("s390", "mprotect", "final", S390Batched)]
    [InlineData("s390", "mprotect", "v3", S390Batched)]
    // s390-saved-range differs from s390 only after a resume inside a ranged section; the modelled callers
    // (KASAN's kasan_depopulate_vmalloc_pte() writes while paused, nothing after) never do that, so: the same.
    [InlineData("s390-saved-range", "mprotect", "eager", "ipte=256 ipte_entries=256 pte_write=256")]
    [InlineData("s390-saved-range", "mprotect", "legacy", S390Batched)]
    [InlineData("s390-saved-range", "mprotect", "final", S390Batched)]
    [InlineData("s390-saved-range", "mprotect", "v3", S390Batched)]
    // s390 unmap: 256 mapped kernel ptes cleared (each clears a valid pte: an IPTE is owed) + 1 linear-map pte
    // made valid outside the cached range (it replaced nothing: no IPTE). Eager: one IPTE per zapped pte.
    [InlineData("s390", "unmap", "eager", "ipte=256 ipte_entries=256 pte_write=257")]
    // Legacy: the nested enter re-pins the cache with no range, dropping the first 128 cached clears; after the
    // inner leave the mode is over and the last 128 clears fall through, one IPTE each (see the notes test below).
    [InlineData("s390", "unmap", "legacy", "ipte=128 ipte_entries=128 preempt_disable=2 preempt_enable=1 pte_write=257")]
    // Final and v3: the inner disable (flush) writes back a run of 128, the outer leave the other 128.
    [InlineData("s390", "unmap", "final", S390Unmap)]
    [InlineData("s390", "unmap", "v3", S390Unmap)]
    // sparc64 mremap: 256 × (clear old, set new), one mm. Only the clears owe a flush: the new ptes replace
    // empty ones (maybe_tlb_batch_add(): pte_accessible(mm, orig)). Eager: a flush per clear.
    [InlineData("sparc64", "mremap", "eager", "tlb_flush=256 tlb_flush_entries=256 pte_write=512")]
    // Lazy: 256 owed flushes in one batch of 192: full at 192, 64 left at leave.
    [InlineData("sparc64", "mremap", "legacy", Sparc64Batched)]
    [InlineData("sparc64", "mremap", "final", Sparc64Batched)]
    [InlineData("sparc64", "mremap", "v3", Sparc64Batched)]
    // x86-native does not opt in (the stubs): 32 shadow + 256 mapped ptes, in every mode.
    [InlineData("x86-native", "vmalloc", "eager", "pte_write=288")]
    [InlineData("x86-native", "vmalloc", "legacy", "pte_write=288")]
    [InlineData("x86-native", "vmalloc", "final", "pte_write=288")]
    [InlineData("x86-native", "vmalloc", "v3", "pte_write=288")]
    // x86-paravirt-native runs the generic layer with paravirt_nop callbacks: the same counts as the stubs.
    [InlineData("x86-paravirt-native", "vmalloc", "eager", "pte_write=288")]
    [InlineData("x86-paravirt-native", "vmalloc", "legacy", "pte_write=288")]
    [InlineData("x86-paravirt-native", "vmalloc", "final", "pte_write=288")]
    [InlineData("x86-paravirt-native", "vmalloc", "v3", "pte_write=288")]
    // x86-xen unmap. Eager: a hypercall per write.
    [InlineData("x86-xen", "unmap", "eager", "hypercall=257 mmu_update=257 pte_write=257")]
    // Every flush of a merged run is one entry, so xen_mc_flush() makes it a direct hypercall (singleton), and
    // an entry holds 31 updates ((argidx + size) >= MC_ARGS, arch/x86/xen/multicalls.c).
    // Legacy: 4 full flushes of 31 while 129 queue, the inner leave issues the 5th (5 updates) and ends the
    // mode; the 128 writes after it are hypercalls of their own; leave and outer leave each disable preemption once.
    [InlineData("x86-xen", "unmap", "legacy", "hypercall=133 mmu_update=257 preempt_disable=2 preempt_enable=2 pte_write=257")]
    // Final: 4 full + 1 at the inner flush + 4 full + 1 at leave = 10 (all 257 updates batched).
    [InlineData("x86-xen", "unmap", "final", XenBatched)]
    [InlineData("x86-xen", "unmap", "v3", XenBatched)]
    // x86-xen-strict-enter: same as x86-xen, except that legacy's nested enter hits the strict enter_lazy (see below).
    [InlineData("x86-xen-strict-enter", "unmap", "eager", "hypercall=257 mmu_update=257 pte_write=257")]
    [InlineData("x86-xen-strict-enter", "unmap", "legacy", "hypercall=4 mmu_update=124 pte_write=128")]
    [InlineData("x86-xen-strict-enter", "unmap", "final", XenBatched)]
    [InlineData("x86-xen-strict-enter", "unmap", "v3", XenBatched)]
    public void Effects_are_exact(string arch, string workload, string mode, string expected)
    {
        Assert.Equal(expected, Sim.Run(arch, workload, mode).Effects.ToString());
    }

    [Fact]
    public void Every_arch_with_exact_cases_has_one_in_every_mode_and_exists()
    {
        // Per-arch facts stay here; an arch added under arches/ needs no case to keep the suite green.
        var cases = typeof(ExactCountTests).GetMethod(nameof(Effects_are_exact))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => a.GetData(null!).Single()).Select(d => ((string)d[0], (string)d[2])).ToHashSet();
        var arches = cases.Select(c => c.Item1).Distinct().ToList();
        Assert.Equal(10, arches.Count);
        foreach (var arch in arches)
        {
            Assert.NotNull(LazyMmuArchRegistry.Find(arch));
            foreach (var mode in SimModes.All) Assert.Contains((arch, mode.Name()), cases);
        }
    }

    [Fact]
    public void Strict_xen_bugs_on_the_nested_enter_of_legacy_and_the_run_has_no_cost()
    {
        var r = Sim.Run("x86-xen-strict-enter", "unmap", "legacy");
        Assert.True(r.Failed);
        Assert.Null(r.VsEager);
        Assert.Equal(["BUG: enter_lazy: CPU 0 is already in XEN_LAZY_MMU"], r.Notes);
    }

    [Fact]
    public void Legacy_on_s390_loses_the_cached_writes_of_the_outer_section_and_leaves_the_cpu_pinned()
    {
        // The nested enter re-pins the cache with no range, dropping the 128 dirty entries; the inner leave
        // re-enables preemption once, the outer leave finds nothing pinned.
        var r = Sim.Run("s390", "unmap", "legacy");
        Assert.Equal(["128 updates never took effect", "preempt_count 1 on CPU 0 at the end"], r.Notes);
    }

    [Fact]
    public void Legacy_on_kpkeys_restores_the_inner_saved_value_and_leaves_por_el1_writable()
    {
        var r = Sim.Run("arm64-kpkeys", "unmap", "legacy");
        Assert.Equal(["POR_EL1=1 left for task 1 (was 0)"], r.Notes);
        Assert.Empty(Sim.Run("arm64-kpkeys", "unmap", "final").Notes);
    }
}
