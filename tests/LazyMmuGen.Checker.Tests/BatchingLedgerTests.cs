using LazyMmuGen.Checker.Oracle;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Checker.Tests;

/// <summary>
/// "Batching is real" (docs/contract.md §7): the allowance a flush point earns. A fresh-clone review declared
/// `per-flush: 8` for a mechanism that fences twice per flush and got "emitted 2, more than the 1 ... allow
/// (... per flush point 8 ...)" for one write: the declared per-flush was capped by the writes deferred.
/// </summary>
public sealed class BatchingLedgerTests
{
    private static readonly PteWrite Write = new(Mm: 1, Addr: 0x1000, Kind: PteKind.Kernel, Valid: true, Value: 1);

    private static BatchingLedger Ledger(int perFlush, bool distinct = false) =>
        new([new BatchingBound("fence-twice", ["tlb_flush"], Capacity: null, perFlush, distinct, KeyChanges: false, Unbatched: 0)]);

    /// <summary>enable; set_pte (deferred); disable emitting <paramref name="fences"/>: the broken bound's detail, or null.</summary>
    private static string? Section(BatchingLedger ledger, long fences, int writes = 1)
    {
        Assert.Null(ledger.Charge(new BatchingLedger.Op(1, 0, 1, 0, 0, null, true, false, [0], [0])));
        for (var i = 0; i < writes; i++)
        {
            var write = Write with { Addr = 0x1000 * (ulong)(i + 1) };
            Assert.Null(ledger.Charge(new BatchingLedger.Op(1, 1, 1, 0, 0, write, true, true, [0], [0])));
        }
        return ledger.Charge(new BatchingLedger.Op(1, 1, 0, 1, 0, null, false, false, [0], [fences]));
    }

    [Fact]
    public void A_flush_point_with_one_deferred_write_may_emit_the_declared_per_flush()
    {
        Assert.Null(Section(Ledger(perFlush: 2), fences: 2));
        Assert.Null(Section(Ledger(perFlush: 8), fences: 2));
        Assert.Equal(
            "fence-twice: task 1's section emitted 3 tlb_flush, more than the 2 its flush points, capacity, key changes and unbatched writes allow (fence-twice: tlb_flush per flush point 2, no capacity flush, unbatched 0)",
            Section(Ledger(perFlush: 2), fences: 3));
    }

    [Fact]
    public void A_flush_point_with_nothing_deferred_owes_nothing_and_distinct_ptes_earn_one_each()
    {
        Assert.NotNull(Section(Ledger(perFlush: 2), fences: 1, writes: 0));
        Assert.Null(Section(Ledger(perFlush: 1, distinct: true), fences: 3, writes: 3));
        Assert.NotNull(Section(Ledger(perFlush: 1, distinct: true), fences: 4, writes: 3));
    }
}
