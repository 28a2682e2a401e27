namespace LazyMmuGen.Simulator.Tests;

/// <summary>
/// test-vmalloc-fix-size: one fix_size_alloc_test call (lib/test_vmalloc.c, h:0) on arm64, at the sizes of the
/// published measurement. vmalloc() maps p valid kernel ptes and vfree() clears them, one lazy section per pte table
/// (256 here) each way. Only the valid ptes owe arm64 a dsb(ishst)+isb: eager pays one pair per mapped page, a lazy
/// mode one pair per map section (the unmap sections write invalid ptes and leave nothing pending).
/// </summary>
public class TestVmallocFixSizeTests
{
    [Theory]
    // p: eager pays p pairs; the writes are p maps + p clears.
    [InlineData(1, "eager", "dsb=1 isb=1 pte_write=2", "base_call=1 base_page=1")]
    [InlineData(4, "eager", "dsb=4 isb=4 pte_write=8", "base_call=1 base_page=4")]
    [InlineData(16, "eager", "dsb=16 isb=16 pte_write=32", "base_call=1 base_page=16")]
    [InlineData(64, "eager", "dsb=64 isb=64 pte_write=128", "base_call=1 base_page=64")]
    [InlineData(256, "eager", "dsb=256 isb=256 pte_write=512", "base_call=1 base_page=256")]
    [InlineData(512, "eager", "dsb=512 isb=512 pte_write=1024", "base_call=1 base_page=512")]
    // final: one pair per map section (1 up to 256 pages, 2 at 512); each section, map or unmap, is a lazy_section.
    [InlineData(1, "final", "dsb=1 isb=1 pte_write=2", "base_call=1 base_page=1 lazy_section=2")]
    [InlineData(4, "final", "dsb=1 isb=1 pte_write=8", "base_call=1 base_page=4 lazy_section=2")]
    [InlineData(16, "final", "dsb=1 isb=1 pte_write=32", "base_call=1 base_page=16 lazy_section=2")]
    [InlineData(64, "final", "dsb=1 isb=1 pte_write=128", "base_call=1 base_page=64 lazy_section=2")]
    [InlineData(256, "final", "dsb=1 isb=1 pte_write=512", "base_call=1 base_page=256 lazy_section=2")]
    [InlineData(512, "final", "dsb=2 isb=2 pte_write=1024", "base_call=1 base_page=512 lazy_section=4")]
    // No nesting and no pause: legacy (what the published series ran on) counts what final counts.
    [InlineData(64, "legacy", "dsb=1 isb=1 pte_write=128", "base_call=1 base_page=64 lazy_section=2")]
    [InlineData(512, "legacy", "dsb=2 isb=2 pte_write=1024", "base_call=1 base_page=512 lazy_section=4")]
    public void Arm64_effects_and_base_work_are_exact(int pages, string mode, string effects, string work)
    {
        var r = Sim.Run("arm64", "test-vmalloc-fix-size", mode, pages);
        Assert.Equal(effects, r.Effects.ToString());
        Assert.Equal(work, r.Work.ToString());
        Assert.Empty(r.Notes);
    }

    [Fact]
    public void Cycles_are_effects_plus_base_work_so_vs_eager_is_the_change_in_time()
    {
        var costs = CostProfiles.Builtin("apple-m2").Table;
        var arm64 = LazyMmuArchRegistry.Find("arm64")!;
        var results = SimulationRunner.Run(new SimulationRequest([arm64], [new TestVmallocFixSizeWorkload()], [SimMode.Eager, SimMode.Final], 64, costs));
        double Cost(string name) => costs[CostEntry.TryParse(name, out var e) ? e : throw new ArgumentException(name)];
        var eager = Cost("base_call") + 64 * Cost("base_page") + 64 * (Cost("dsb") + Cost("isb")) + 128 * Cost("pte_write");
        var final = Cost("base_call") + 64 * Cost("base_page") + 2 * Cost("lazy_section") + (Cost("dsb") + Cost("isb")) + 128 * Cost("pte_write");
        Assert.Equal(eager, results[0].Cycles!.Value, 9);
        Assert.Equal(final, results[1].Cycles!.Value, 9);
        // -30.26 %: the number `simulate --calibration` prints for apple-m2 at p = 64.
        Assert.Equal(-30.26, (results[1].VsEager!.Value - 1) * 100, 2);
    }

    [Fact]
    public void An_arch_that_does_not_opt_in_pays_no_section_and_gains_nothing()
    {
        var eager = Sim.Run("x86-native", "test-vmalloc-fix-size", "eager", 16);
        var final = Sim.Run("x86-native", "test-vmalloc-fix-size", "final", 16);
        Assert.Equal("base_call=1 base_page=16", final.Work.ToString());
        Assert.Equal(eager.Cycles, final.Cycles);
    }

    [Fact]
    public void Workloads_that_model_only_side_effects_report_no_base_work()
    {
        var r = Sim.Run("arm64", "vmalloc", "final");
        Assert.True(r.Work.IsEmpty);
        Assert.Equal(33 * 40 + 33 * 20 + 288 * 5, r.Cycles);
    }
}
