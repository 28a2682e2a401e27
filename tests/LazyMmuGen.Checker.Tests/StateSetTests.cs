using LazyMmuGen.Checker.Explorer;

namespace LazyMmuGen.Checker.Tests;

/// <summary>
/// Issue 14: the explorer's seen-set is an open-addressing table of 128-bit keys (StateSet). A key it loses or
/// invents would skip a state or expand one twice, so membership is pinned against a HashSet through growth,
/// colliding low bits and the key (0, 0) its empty slots are marked with.
/// </summary>
public sealed class StateSetTests
{
    [Fact]
    public void It_holds_exactly_the_keys_added_through_every_growth()
    {
        var rng = new Random(14);
        var set = new StateSet();
        var reference = new HashSet<StateKey>();
        for (var i = 0; i < 50_000; i++)
        {
            var key = new StateKey((ulong)rng.NextInt64(), (ulong)rng.NextInt64());
            Assert.Equal(reference.Add(key), set.Add(key));
            if (i % 7 == 0) Assert.False(set.Add(key));
        }
        Assert.Equal(reference.Count, set.Count);
        Assert.All(reference, key => Assert.True(set.Contains(key)));
        for (var i = 0; i < 10_000; i++) Assert.False(set.Contains(new StateKey((ulong)rng.NextInt64(), (ulong)rng.NextInt64())));
    }

    [Fact]
    public void Keys_with_the_same_low_bits_are_told_apart_by_their_high_bits()
    {
        var set = new StateSet();
        for (ulong high = 1; high <= 100; high++) Assert.True(set.Add(new StateKey(high, 0x1234)));
        Assert.Equal(100, set.Count);
        for (ulong high = 1; high <= 100; high++) Assert.True(set.Contains(new StateKey(high, 0x1234)));
        Assert.False(set.Contains(new StateKey(101, 0x1234)));
        Assert.False(set.Contains(new StateKey(1, 0x1235)));
    }

    [Fact]
    public void The_key_that_marks_empty_slots_is_a_key_like_any_other()
    {
        var set = new StateSet();
        Assert.False(set.Contains(new StateKey(0, 0)));
        Assert.True(set.Add(new StateKey(0, 0)));
        Assert.False(set.Add(new StateKey(0, 0)));
        Assert.True(set.Contains(new StateKey(0, 0)));
        Assert.True(set.Add(new StateKey(0, 1)));
        Assert.True(set.Add(new StateKey(1, 0)));
        Assert.Equal(3, set.Count);
        Assert.True(set.Contains(new StateKey(0, 1)));
        Assert.True(set.Contains(new StateKey(1, 0)));
    }

    [Fact]
    public void Growing_ahead_keeps_what_is_held()
    {
        var set = new StateSet();
        set.Add(new StateKey(7, 9));
        set.EnsureCapacity(100_000);
        Assert.True(set.Contains(new StateKey(7, 9)));
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void Counted_states_added_from_many_threads_at_once_are_counted_once_each()
    {
        var rng = new Random(41);
        var keys = Enumerable.Range(0, 40_000).Select(_ => new StateKey((ulong)rng.NextInt64(), (ulong)rng.NextInt64())).ToArray();
        var counted = new CountedStates(expected: 1_000);
        var firsts = 0;
        // Every key is added by four workers: exactly one of them is told it was new.
        Parallel.For(0, keys.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            if (counted.Add(keys[i % keys.Length])) Interlocked.Increment(ref firsts);
        });
        Assert.Equal(keys.Length, firsts);
        Assert.Equal(keys.Length, counted.Count);
    }
}
