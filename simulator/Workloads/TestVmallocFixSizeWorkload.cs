using LazyMmuGen.Simulator.Costs;
using static LazyMmuGen.Simulator.Workloads.PageWalk;

namespace LazyMmuGen.Simulator.Workloads;

/// <summary>
/// One iteration of <c>fix_size_alloc_test</c> (lib/test_vmalloc.c) without huge mappings (<c>use_huge=0</c>,
/// "h:0"): <c>ptr = vmalloc(nr_pages * PAGE_SIZE); *((__u8 *)ptr) = 0; vfree(ptr);</c>, with <c>--size</c> as
/// <c>nr_pages</c> ("p"). The test module repeats this <c>test_loop_count</c> times and reports the average time; the
/// published measurement this workload is calibrated against used a loop count of 500000, each test repeated 10 times
/// ("[PATCH v4 00/11] Perf improvements for hugetlb and vmalloc on arm64", Ryan Roberts, 22 April 2025).
/// </summary>
/// <remarks>
/// <para>Map (mm/vmalloc.c): vmalloc() → __vmalloc_node_range() → __vmalloc_area_node() allocates the p order-0 pages,
/// then vmap_pages_range() → __vmap_pages_range_noflush(); with page_shift == PAGE_SHIFT (no huge mapping) that is
/// vmap_small_pages_range_noflush() → vmap_pages_p4d/pud/pmd_range() → vmap_pages_pte_range(), which since
/// "mm/vmalloc: Enter lazy mmu mode while manipulating vmalloc ptes" (44562c71e2cf, patch 10 of that series) wraps its
/// loop over one pte table in arch_enter_lazy_mmu_mode()/arch_leave_lazy_mmu_mode() and writes each pte with
/// set_pte_at(): a valid kernel pte, so arm64 owes dsb(ishst)+isb for it, eagerly per pte before "arm64/mm: Batch
/// barriers when updating kernel mappings" (5fdd05efa1cd, patch 11) and once per section after it
/// (arches/arm64.arch.yaml, deferred-barriers). The same patch puts the same section around vmap_pte_range(), the
/// pfn-range mapper behind vmap_range_noflush() and ioremap_page_range(); vmalloc() itself goes through the page-array
/// twin, vmap_pages_pte_range(), and both open one section per pte table.</para>
/// <para>Unmap: vfree() → remove_vm_area() → free_unmap_vmap_area() → vunmap_range_noflush() → __vunmap_range_noflush()
/// → vunmap_p4d/pud/pmd_range() → vunmap_pte_range(), again one lazy section per pte table (same patch), clearing each
/// pte with ptep_get_and_clear(): an invalid pte, which needs no arm64 barrier. The TLB flush is deferred
/// (free_vmap_area_noflush(): areas are purged in batches once lazy_max_pages() worth are freed), so it is part of the
/// per-call base work here, not an effect.</para>
/// <para>Base work (<see cref="BaseWork"/>): one <c>base_call</c> (vmap area search and insert, vm_struct and page
/// array, vfree's bookkeeping, the test loop) and <c>base_page</c> per page (allocating and freeing the page, the walk
/// step that maps and unmaps it); the context adds one <c>lazy_section</c> per section entered in a lazy mode. Their
/// cycles come from the profile: fitted for apple-m2 and ampere-altra (<c>lazymmu simulate --calibration</c>).</para>
/// <para>Sections follow <see cref="PageWalk.TablePtes"/> (256) as for every workload: p = 512 is two map and two unmap
/// sections. A real arm64 pte table holds 512 entries, and a 512-page area spans two of them unless it is 2 MiB
/// aligned, which vmalloc() does not ask for without huge mappings.</para>
/// </remarks>
public sealed class TestVmallocFixSizeWorkload : IWorkload
{
    public string Name => "test-vmalloc-fix-size";

    public string Description => "one fix_size_alloc_test call (lib/test_vmalloc.c): vmalloc maps N pages (vmap_pages_pte_range), vfree unmaps them (vunmap_pte_range); with base work";

    public bool ModelsBaseWork => true;

    public void Run(WorkloadContext context, int size)
    {
        context.Work(BaseWork.Call, 1);
        context.Work(BaseWork.Page, size);
        // vmalloc(): set_pte_at() of each new page, one lazy section per pte table.
        foreach (var (_, first, count) in Tables(size))
        {
            context.EnableSection(Range(InitMm, VmallocBase, first, count));
            for (var i = first; i < first + count; i++) context.Write(Kernel(Addr(VmallocBase, i), (ulong)i));
            context.Disable();
        }
        // vfree(): ptep_get_and_clear() of each, one lazy section per pte table.
        foreach (var (_, first, count) in Tables(size))
        {
            context.EnableSection(Range(InitMm, VmallocBase, first, count));
            for (var i = first; i < first + count; i++)
            {
                var addr = Addr(VmallocBase, i);
                context.Read(InitMm, addr);
                context.Write(KernelClear(addr));
            }
            context.Disable();
        }
    }
}
