namespace LazyMmuGen.Simulator.Tests;

/// <summary>The call sequences the workloads make, on a machine with no arch at all.</summary>
public class WorkloadShapeTests
{
    private static string Shape(string workload, int size, bool lazy = true, bool ranged = false)
    {
        var machine = new RecordingMachine();
        var context = new WorkloadContext(machine, lazy, ranged);
        WorkloadCatalog.Find(workload)!.Run(context, size);
        context.Finish();
        return machine.Summary();
    }

    [Fact]
    public void Unmap_nests_one_section_in_the_middle_of_the_middle_table()
    {
        Assert.Equal("enable write×128 enable write disable write×128 disable", Shape("unmap", 256));
        Assert.Equal("enable write×256 disable enable write×22 enable write disable write×22 disable", Shape("unmap", 300));
    }

    [Fact]
    public void The_outer_section_passes_its_range_only_when_asked_and_the_nested_one_never()
    {
        Assert.Equal("enable(0,256) write×128 enable write disable write×128 disable", Shape("unmap", 256, ranged: true));
        Assert.Equal("enable(1,256) write×512 disable enable(1,4) write×8 disable", Shape("fork", 260, ranged: true));
    }

    [Fact]
    public void Eager_is_the_same_workload_without_a_single_lazy_mmu_call()
    {
        Assert.Equal("write×257", Shape("unmap", 256, lazy: false));
        Assert.Equal("write×36", Shape("vmalloc", 32, lazy: false));
    }

    [Fact]
    public void Vmalloc_pauses_around_each_shadow_pte_then_maps_the_pages()
    {
        Assert.Equal("enable pause write resume pause write resume disable enable write×16 disable", Shape("vmalloc", 16));
    }

    [Fact]
    public void Test_vmalloc_fix_size_maps_then_unmaps_one_section_per_table()
    {
        // vmalloc(): vmap_pages_pte_range() per pte table; vfree(): vunmap_pte_range() per pte table (read, then clear).
        Assert.Equal("enable write×4 disable enable write×4 disable", Shape("test-vmalloc-fix-size", 4));
        Assert.Equal("enable(0,256) write×256 disable enable(0,1) write disable enable(0,256) write×256 disable enable(0,1) write disable",
            Shape("test-vmalloc-fix-size", 257, ranged: true));
        Assert.Equal("write×32", Shape("test-vmalloc-fix-size", 16, lazy: false));
    }

    [Fact]
    public void Mixed_interrupts_every_64_writes_and_switches_and_migrates_mid_section()
    {
        Assert.Equal("enable write×64 irq-write write×64 irq-write switch-out 1 switch-in 2 enable write×16 disable switch-out 2 switch-in 1 "
            // The migration is two __switch_to: task 1 to idle (task 0) on CPU 0, idle to task 1 on CPU 1.
            + "write×64 irq-write switch-out 1 switch-in 0 switch-out 0 switch-in 1 write×64 irq-write disable", Shape("mixed", 256));
    }

    [Fact]
    public void Every_workload_is_listed_once_with_a_description()
    {
        Assert.Equal(["unmap", "setmem", "mprotect", "fork", "mremap", "vmalloc", "mixed", "test-vmalloc-fix-size"], WorkloadCatalog.All.Select(w => w.Name));
        // Only the workload modelled on a measured kernel test declares base work.
        Assert.Equal(["test-vmalloc-fix-size"], WorkloadCatalog.All.Where(w => w.ModelsBaseWork).Select(w => w.Name));
        Assert.All(WorkloadCatalog.All, w => Assert.False(string.IsNullOrWhiteSpace(w.Description)));
    }

    [Theory]
    [InlineData("all", "eager,legacy,final,v3")]
    [InlineData("final, eager,final", "final,eager")]
    public void Modes_parse_from_a_list(string text, string expected)
    {
        Assert.Equal(expected, string.Join(",", SimModes.Parse(text, out _)!.Select(m => m.Name())));
    }

    [Fact]
    public void An_unknown_mode_is_refused_with_the_known_ones()
    {
        Assert.Null(SimModes.Parse("final,lazy", out var error));
        Assert.Equal("unknown mode 'lazy'. Modes: eager, legacy, final, v3, v2, or 'all' (eager, legacy, final, v3).", error);
    }
}
