namespace LazyMmuGen.Simulator.Tests;

/// <summary>
/// Issue 5's arm64 example, on the caller that really defers arm64 barriers (valid kernel ptes): a
/// permission change of 256 ptes with a nested DEBUG_PAGEALLOC section after the 128th write.
/// </summary>
public class SetMemoryTests
{
    [Fact]
    public void Final_pays_one_barrier_pair_per_section_end()
    {
        // Inner disable flushes (1 pair: 128 outer writes + the nested one), outer leave (1 pair: the other 128).
        var e = Sim.Run("arm64", "setmem", "final", 256).Effects;
        Assert.Equal((2, 2, 257), (e["dsb"], e["isb"], e["pte_write"]));
    }

    [Fact]
    public void Legacy_pays_a_barrier_pair_for_every_write_after_the_inner_leave()
    {
        // Inner leave ends the mode (1 pair for everything so far); the 128 writes after it are outside the
        // mode (1 pair each); the outer disable finds nothing pending.
        var e = Sim.Run("arm64", "setmem", "legacy", 256).Effects;
        Assert.Equal((1 + 128, 1 + 128), (e["dsb"], e["isb"]));
    }

    [Fact]
    public void Eager_pays_a_pair_for_every_write()
    {
        var e = Sim.Run("arm64", "setmem", "eager", 256).Effects;
        Assert.Equal((257, 257), (e["dsb"], e["isb"]));
    }
}
