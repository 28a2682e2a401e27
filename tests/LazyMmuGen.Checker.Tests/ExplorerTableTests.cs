using LazyMmuGen.Checker.Explorer;

namespace LazyMmuGen.Checker.Tests;

/// <summary>
/// Issue 14: the explorer keeps numbers, not objects, per state: its seen-set (StateSet, an open-addressing table of
/// 128-bit keys), each depth's claims (ClaimTable, the earliest order per key, from which the next frontier is rebuilt)
/// and the sequences that reached them (PathTable). A key lost or invented would skip a state or expand one twice, and
/// a later claim that won would make results depend on thread scheduling, so each is pinned here.
/// </summary>
public sealed class ExplorerTableTests
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
        var counted = new ClaimTable(expected: 1_000, withOrders: false);
        var firsts = 0;
        // Every key is added by four workers: exactly one of them is told it was new.
        Parallel.For(0, keys.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            if (counted.Claim(keys[i % keys.Length], i)) Interlocked.Increment(ref firsts);
        });
        Assert.Equal(keys.Length, firsts);
        Assert.Equal(keys.Length, counted.Count);
    }

    [Fact]
    public void The_earliest_claim_of_a_key_wins_whichever_worker_makes_it_when()
    {
        var rng = new Random(7);
        var keys = Enumerable.Range(0, 5_000).Select(_ => new StateKey((ulong)rng.NextInt64(), (ulong)rng.NextInt64())).ToArray();
        // Each key is claimed with eight orders, in a shuffled sequence run by four workers: the least order must stay.
        var claims = Enumerable.Range(0, keys.Length * 8).Select(i => (Key: i % keys.Length, Order: (long)rng.Next(1_000_000))).ToArray();
        rng.Shuffle(claims);
        var table = new ClaimTable(expected: 100, withOrders: true);
        Parallel.ForEach(claims, new ParallelOptions { MaxDegreeOfParallelism = 4 }, c => table.Claim(keys[c.Key], c.Order));
        var least = claims.GroupBy(c => c.Key).ToDictionary(g => keys[g.Key], g => g.Min(c => c.Order));
        Assert.Equal(keys.Length, table.Count);
        Assert.Equal(least.OrderBy(e => e.Value).ThenBy(e => e.Key), table.Entries().Select(e => KeyValuePair.Create(e.Key, e.Order)).OrderBy(e => e.Value).ThenBy(e => e.Key));
    }

    [Fact]
    public void A_claim_says_whether_it_is_the_earliest_so_far()
    {
        var set = new StateSet(withOrders: true);
        var key = new StateKey(3, 4);
        Assert.True(set.Claim(key, 10));
        Assert.False(set.Claim(key, 12));
        Assert.False(set.Claim(key, 10));
        Assert.True(set.Claim(key, 5));
        Assert.Equal([(key, 5L)], set.Entries());
        // The key (0, 0) keeps its order too.
        Assert.True(set.Claim(default, 9));
        Assert.True(set.Claim(default, 8));
        Assert.False(set.Claim(default, 8));
        Assert.Equal(8L, set.Entries().Single(e => e.Key == default).Order);
    }

    [Fact]
    public void Paths_share_their_prefixes_and_spell_their_ops_oldest_first()
    {
        var alphabet = new[] { "enable", "disable", "set_pte(addr=0x1000)" }.Select(t => LazyMmuGen.Runtime.Scripting.OpScript.Parse(t).Single()).ToArray();
        var paths = new PathTable();
        var enable = paths.Add(PathTable.Empty, 0);
        var write = paths.Add(enable, 2);
        var disable = paths.Add(enable, 1);
        Assert.Equal(["enable", "set_pte(addr=0x1000)", "disable"], paths.Texts(write, alphabet[1], alphabet));
        Assert.Equal(["enable", "disable", "enable"], paths.Texts(disable, alphabet[0], alphabet));
        Assert.Equal(["disable"], paths.Texts(PathTable.Empty, alphabet[1], alphabet));
        Assert.Equal(enable, paths.Before(write));
        Assert.Same(alphabet[2], paths.LastOp(write, alphabet));
        // Growth past the first array keeps every entry.
        var deep = PathTable.Empty;
        for (var i = 0; i < 5_000; i++) deep = paths.Add(deep, i % 3);
        Assert.Equal(5_001, paths.Texts(deep, alphabet[0], alphabet).Length);
    }

    [Fact]
    public void A_set_that_keeps_orders_keeps_them_through_every_growth()
    {
        var rng = new Random(3);
        var set = new StateSet(withOrders: true);
        var keys = Enumerable.Range(0, 20_000).Select(_ => new StateKey((ulong)rng.NextInt64(), (ulong)rng.NextInt64())).ToArray();
        for (var i = 0; i < keys.Length; i++) Assert.True(set.Claim(keys[i], 1_000_000 - i));
        // Lower every other order after the table has grown several times.
        for (var i = 0; i < keys.Length; i += 2) Assert.True(set.Claim(keys[i], i));
        var orders = set.Entries().ToDictionary(e => e.Key, e => e.Order);
        Assert.Equal(keys.Length, orders.Count);
        for (var i = 0; i < keys.Length; i++) Assert.Equal(i % 2 == 0 ? i : 1_000_000 - i, orders[keys[i]]);
    }
}
