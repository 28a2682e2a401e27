using static LazyMmuGen.Simulator.Workloads.PageWalk;

namespace LazyMmuGen.Simulator.Workloads;

/// <summary>
/// vmalloc() of N pages with KASAN. kasan_populate_vmalloc() walks the shadow with apply_to_page_range(),
/// whose callback pauses the mode around allocating and installing each shadow page (one per 8 pages);
/// then vmap_pte_range() maps the N pages, one section per table.
/// </summary>
public sealed class VmallocWorkload : IWorkload
{
    /// <summary>KASAN_SHADOW_SCALE_SHIFT = 3: one shadow page covers 8 pages.</summary>
    private const int PagesPerShadowPage = 8;

    public string Name => "vmalloc";

    public string Description => "populate KASAN shadow (callback pauses/resumes), then map N kernel ptes (vmap_pte_range)";

    public void Run(WorkloadContext context, int size)
    {
        var shadow = (size + PagesPerShadowPage - 1) / PagesPerShadowPage;
        foreach (var (_, first, count) in Tables(shadow))
        {
            context.EnableSection(Range(InitMm, ShadowBase, first, count));
            for (var i = first; i < first + count; i++)
            {
                // kasan_populate_vmalloc_pte(): the page allocator runs while paused, then installs the pte.
                context.Pause();
                context.Write(Kernel(Addr(ShadowBase, i), (ulong)i));
                context.Resume();
            }
            context.Disable();
        }
        foreach (var (_, first, count) in Tables(size))
        {
            context.EnableSection(Range(InitMm, VmallocBase, first, count));
            for (var i = first; i < first + count; i++) context.Write(Kernel(Addr(VmallocBase, i), (ulong)i));
            context.Disable();
        }
    }
}
