using LazyMmuGen.Runtime;

namespace LazyMmuGen.Runtime.Tests;

/// <summary>
/// Issue 14: a machine copied into another pairs each primitive with its copy (PrimitiveCopies, through the generated
/// CopyReferences): the copied-into machine's own primitive in the same field when it can take the copy, a clone
/// otherwise, and one copy for a primitive two fields share (s390's per-CPU cache and a task's Pinned pointer).
/// </summary>
public sealed class PrimitiveCopiesTests
{
    private static TlbBatch Batch(int capacity = 4) => new(capacity, TlbFlushKeys.Mm);

    [Fact]
    public void A_primitive_that_can_take_the_copy_is_reused()
    {
        var copies = new PrimitiveCopies();
        var original = Batch();
        var mine = Batch();

        Assert.Same(mine, copies.CopyOf(original, mine));
    }

    [Fact]
    public void A_primitive_two_fields_share_gets_one_copy()
    {
        var copies = new PrimitiveCopies();
        var shared = Batch();
        var mine = Batch();
        var first = copies.CopyOf(shared, mine);

        // The second field's old value is another primitive: the pair made first wins, and that one is left alone.
        var other = Batch();
        Assert.Same(first, copies.CopyOf(shared, other));
    }

    [Fact]
    public void A_primitive_already_holding_another_copy_is_not_reused()
    {
        var copies = new PrimitiveCopies();
        var mine = Batch();
        copies.CopyOf(Batch(), mine);

        // A task pointing at a CPU's primitive that the CPU's copy already took: it gets a clone, not the CPU's copy overwritten.
        var second = copies.CopyOf(Batch(), mine);
        Assert.NotSame(mine, second);
        Assert.IsType<TlbBatch>(second);
    }

    [Fact]
    public void A_primitive_that_cannot_take_the_copy_is_replaced_by_a_clone()
    {
        var copies = new PrimitiveCopies();
        var original = Batch(capacity: 4);
        var smaller = Batch(capacity: 2);

        var copy = copies.CopyOf(original, smaller);
        Assert.NotSame(smaller, copy);
        Assert.NotSame(original, copy);
        Assert.Equal(4, ((TlbBatch)copy).Capacity);
        Assert.NotSame(original, copies.CopyOf(original, null));
    }

    [Fact]
    public void Clear_forgets_every_pair()
    {
        var copies = new PrimitiveCopies();
        var original = Batch();
        var first = copies.CopyOf(original, Batch());
        copies.Clear();

        var mine = Batch();
        Assert.Same(mine, copies.CopyOf(original, mine));
        Assert.NotSame(first, mine);
    }

    [Fact]
    public void More_primitives_than_the_first_capacity_keep_their_pairs()
    {
        var copies = new PrimitiveCopies();
        var originals = Enumerable.Range(0, 20).Select(_ => Batch()).ToArray();
        var mine = originals.Select(_ => Batch()).ToArray();
        for (var i = 0; i < originals.Length; i++) Assert.Same(mine[i], copies.CopyOf(originals[i], mine[i]));
        for (var i = 0; i < originals.Length; i++) Assert.Same(mine[i], copies.CopyOf(originals[i], null));
    }
}
