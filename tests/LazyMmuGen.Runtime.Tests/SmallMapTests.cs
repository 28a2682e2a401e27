namespace LazyMmuGen.Runtime.Tests;

/// <summary>
/// SmallMap holds the page table, the oracle's counters and the ledger's windows: a state is written from its order,
/// so the order, and a copy's independence, are what a checker's verdicts rest on.
/// </summary>
public class SmallMapTests
{
    [Fact]
    public void Entries_come_out_in_key_order_whatever_order_they_went_in()
    {
        var map = new SmallMap<(int Mm, ulong Addr), int>();
        map[(2, 0x1000)] = 1;
        map[(1, 0x3000)] = 2;
        map[(1, 0x1000)] = 3;
        map[(1, 0x3000)] = 4;
        Assert.Equal([((1, 0x1000UL), 3), ((1, 0x3000UL), 4), ((2, 0x1000UL), 1)], map.Select(e => (e.Key, e.Value)));
        Assert.Equal(3, map.Count);
    }

    [Fact]
    public void Remove_keeps_the_rest_in_order_and_a_missing_key_answers_the_fallback()
    {
        var map = new SmallMap<int, string>();
        for (var i = 5; i >= 1; i--) map[i] = $"v{i}";
        Assert.True(map.Remove(3));
        Assert.False(map.Remove(3));
        Assert.Equal([1, 2, 4, 5], map.Select(e => e.Key));
        Assert.Equal("none", map.GetValueOrDefault(3, "none"));
        Assert.False(map.TryGetValue(3, out _));
        Assert.Equal("v4", map[4]);
        Assert.Throws<KeyNotFoundException>(() => map[3]);
    }

    [Fact]
    public void A_copy_is_equal_and_then_independent_both_ways()
    {
        var source = new SmallMap<int, int>();
        for (var i = 0; i < 6; i++) source[i] = i * 10;
        var copy = new SmallMap<int, int>();
        copy[99] = 1;
        copy.CopyFrom(source);
        Assert.Equal(source.Select(e => e.Key), copy.Select(e => e.Key));
        copy[2] = -1;
        source.Remove(4);
        Assert.Equal(20, source[2]);
        Assert.Equal(40, copy[4]);
        // A copy into a larger map leaves nothing of its old entries behind.
        var small = new SmallMap<int, int>();
        small[7] = 7;
        copy.CopyFrom(small);
        Assert.Equal([7], copy.Select(e => e.Key));
    }
}
