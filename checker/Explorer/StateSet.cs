using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace LazyMmuGen.Checker.Explorer;

/// <summary>
/// A set of 128-bit state keys, optionally with a claim order per key: an open-addressing table probed linearly from
/// the key's own low bits (a hash already, and a uniform one), so a lookup costs one cache line where a
/// <see cref="HashSet{T}"/> costs a bucket and an entry in two arrays, and millions of keys are a few arrays of numbers
/// the GC never traces. Not safe for a writer beside other users: the explorer's seen-set is written only between
/// depths and read by every worker during one, and <see cref="ClaimTable"/> locks each of its parts.
/// </summary>
public sealed class StateSet
{
    // Keys as (High, Low) pairs; (0, 0) marks an empty slot, so the key (0, 0) itself is held apart.
    private ulong[] slots = new ulong[2 * 1024];
    // Each slot's claim order, when the set keeps orders (ClaimTable's parts).
    private long[]? orders;
    private int mask = 1023;
    private const int MaxSlots = 1 << 29;
    private bool holdsZero;
    private long zeroOrder;

    /// <summary>An empty set of keys.</summary>
    public StateSet()
    {
    }

    /// <summary>An empty set that keeps, for each key, the earliest order it was claimed with (<see cref="Claim"/>).</summary>
    /// <param name="withOrders">True to keep orders.</param>
    public StateSet(bool withOrders)
    {
        if (withOrders) orders = new long[1024];
    }

    /// <summary>How many keys the set holds.</summary>
    public int Count { get; private set; }

    /// <summary>True when <paramref name="key"/> is in the set.</summary>
    /// <param name="key">A state key.</param>
    public bool Contains(StateKey key) => key is { High: 0, Low: 0 } ? holdsZero : Find(key) >= 0;

    /// <summary>
    /// Asks the CPU to start fetching the slot where a lookup of <paramref name="key"/> begins, so a worker that keys
    /// all of a state's successors first and looks them up after waits for their cache misses once, not once each.
    /// A hint: it reads nothing, and does nothing where the CPU has no prefetch instruction.
    /// </summary>
    /// <param name="key">A state key about to be looked up.</param>
    public unsafe void Prefetch(StateKey key)
    {
        if (!Sse.IsSupported) return;
        // Only ever beside readers (no table grows during a depth); and a prefetch never faults, whatever the address.
        ref var slot = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slots), 2 * ((int)key.Low & mask));
        Sse.Prefetch0(Unsafe.AsPointer(ref slot));
    }

    /// <summary>Adds <paramref name="key"/>; false when it was there already.</summary>
    /// <param name="key">A state key.</param>
    public bool Add(StateKey key) => Claim(key, 0);

    /// <summary>
    /// Claims <paramref name="key"/> for <paramref name="order"/>: true when that is now the key's earliest claim (the
    /// first, or earlier than every one before), false when an earlier or equal claim holds it.
    /// </summary>
    /// <param name="key">A state key.</param>
    /// <param name="order">The claiming transition's place in its depth's order.</param>
    public bool Claim(StateKey key, long order)
    {
        if (key is { High: 0, Low: 0 })
        {
            if (holdsZero)
            {
                if (order >= zeroOrder || orders is null) return false;
                zeroOrder = order;
                return true;
            }
            holdsZero = true;
            zeroOrder = order;
            Count++;
            return true;
        }
        var found = Find(key);
        if (found >= 0)
        {
            if (orders is null || order >= orders[found]) return false;
            orders[found] = order;
            return true;
        }
        EnsureCapacity(Count + 1);
        Place(slots, orders, mask, key, order);
        Count++;
        return true;
    }

    /// <summary>Every key with its earliest claim order (0 in a set without orders), in no particular order.</summary>
    public IEnumerable<(StateKey Key, long Order)> Entries()
    {
        if (holdsZero) yield return (default, zeroOrder);
        for (var i = 0; i <= mask; i++)
        {
            if (slots[2 * i] != 0 || slots[2 * i + 1] != 0) yield return (new StateKey(slots[2 * i], slots[2 * i + 1]), orders?[i] ?? 0);
        }
    }

    /// <summary>Grows the table so <paramref name="count"/> keys fit at most three quarters full: one rehash per depth.</summary>
    /// <param name="count">The number of keys the set is about to hold.</param>
    public void EnsureCapacity(int count)
    {
        var capacity = mask + 1;
        if (count <= capacity / 4 * 3) return;
        // 2^29 slots (8 GB of keys) at most: one array of pairs holds 2^30 numbers, below .NET's limit on an array.
        if (count > MaxSlots / 4 * 3)
            throw new InvalidOperationException($"more than {MaxSlots / 4 * 3:N0} states: explore less deep, or split the alphabet");
        while (count > capacity / 4 * 3) capacity *= 2;
        var grown = new ulong[2 * capacity];
        var grownOrders = orders is null ? null : new long[capacity];
        var grownMask = capacity - 1;
        for (var i = 0; i <= mask; i++)
        {
            if (slots[2 * i] != 0 || slots[2 * i + 1] != 0)
                Place(grown, grownOrders, grownMask, new StateKey(slots[2 * i], slots[2 * i + 1]), orders?[i] ?? 0);
        }
        slots = grown;
        orders = grownOrders;
        mask = grownMask;
    }

    /// <summary>The slot holding <paramref name="key"/> (not (0, 0)), or -1.</summary>
    private int Find(StateKey key)
    {
        var slots = this.slots;
        var mask = this.mask;
        for (var i = (int)key.Low & mask; ; i = (i + 1) & mask)
        {
            var high = slots[2 * i];
            var low = slots[2 * i + 1];
            if (high == key.High && low == key.Low) return i;
            if (high == 0 && low == 0) return -1;
        }
    }

    /// <summary>Puts a key known to be absent into the first free slot of its probe sequence.</summary>
    private static void Place(ulong[] slots, long[]? orders, int mask, StateKey key, long order)
    {
        var i = (int)key.Low & mask;
        while (slots[2 * i] != 0 || slots[2 * i + 1] != 0) i = (i + 1) & mask;
        slots[2 * i] = key.High;
        slots[2 * i + 1] = key.Low;
        if (orders is not null) orders[i] = order;
    }
}
