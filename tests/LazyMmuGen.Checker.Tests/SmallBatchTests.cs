using LazyMmuGen.Checker.Tests.Injection;

namespace LazyMmuGen.Checker.Tests;

/// <summary>
/// Checking builds (LazyMmuBatchCapacity, docs/checker.md#small-batches): at the kernel's sizes the paths a full
/// batch takes lie past any depth the checker reaches (31 mmu_updates per Xen multicall buffer, 192 entries per
/// powerpc hash TLB batch), so a fault there passes; with capacity 2 the same fault is caught in five ops, and the
/// unmutated arches still pass, with "batching is real" checked against the lowered capacity.
/// </summary>
public class SmallBatchTests
{
    private const int Depth = 5;

    private static CheckResult Check(string arch, int? capacity, params TemplateFault[] faults)
    {
        using var arches = InjectedArches.Compile(arch, capacity, faults);
        return ModelChecker.Check(arches.Single, new CheckOptions { Depth = Depth });
    }

    /// <summary>
    /// xen_mc_entry(): a request that does not fit makes xen_mc_flush() issue the buffer first
    /// (arch/x86/xen/multicalls.c, __xen_mc_entry). Without the Issue the request is queued nowhere.
    /// </summary>
    private static readonly TemplateFault XenWithoutIssue = TemplateFault.Replacing("hypercall-batch", "pte-complete",
        "multicalls.Issue(c.Machine);", "");

    /// <summary>hpte_need_flush(): "if (i >= PPC64_TLB_BATCH_NR) __flush_tlb_pending(batch)" (arch/powerpc/mm/book3s64/hash_tlb.c).</summary>
    private static readonly TemplateFault TlbWithoutFullFlush = TemplateFault.Replacing("tlb-batch", "pte-complete",
        "if (tlb.IsFull)\n                {\n                    tlb.Flush(c.Machine);\n                }", "");

    [Theory]
    [InlineData("x86-xen", "hypercall-batch")]
    [InlineData("powerpc-hash", "tlb-batch")]
    [InlineData("sparc64", "tlb-batch")]
    public void The_unmutated_arches_pass_with_capacity_2_and_are_bounded_by_it(string arch, string mechanism)
    {
        using var arches = InjectedArches.Compile(arch, 2);
        var bound = Assert.Single(arches.Single.Facts.Batching);
        Assert.Equal((mechanism, (int?)2), (bound.Mechanism, bound.Capacity));
        var result = ModelChecker.Check(arches.Single, new CheckOptions { Depth = Depth });
        Assert.True(result.Passed, $"{arch}: {result.Violation?.Property}: {result.Violation?.Detail} after {result.Violation?.Script}");
    }

    [Fact]
    public void A_multicall_buffer_that_is_never_issued_when_full_is_caught_only_with_a_small_capacity()
    {
        Assert.True(Check("x86-xen", null, XenWithoutIssue).Passed);

        var violation = Assert.IsType<Violation>(Check("x86-xen", 2, XenWithoutIssue).Violation);
        // The third write does not fit two updates; with the buffer not issued it is never made, so disable
        // leaves it incomplete. Two writes fit, so no shorter sequence shows it.
        Assert.Equal("guarantee 1: writes complete after disable", violation.Property);
        Assert.Equal("enable;set_pte(addr=0x1000);set_pte(addr=0x1000);set_pte(addr=0x1000);disable", violation.Script);
    }

    [Fact]
    public void A_tlb_batch_that_is_not_flushed_when_full_is_caught_only_with_a_small_capacity()
    {
        Assert.True(Check("powerpc-hash", null, TlbWithoutFullFlush).Passed);

        var violation = Assert.IsType<Violation>(Check("powerpc-hash", 2, TlbWithoutFullFlush).Violation);
        // Only a write over a valid pte is batched (only-valid-old): the first write makes it valid, the next two
        // fill the batch, and the fourth appends to a full one.
        Assert.Equal("arch code completes without exceptions", violation.Property);
        Assert.Equal("enable;set_pte(addr=0x1000);set_pte(addr=0x1000);set_pte(addr=0x1000);set_pte(addr=0x1000)", violation.Script);
    }
}
