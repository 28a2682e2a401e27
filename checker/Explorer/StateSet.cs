using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace LazyMmuGen.Checker.Explorer;

/// <summary>
/// The keys of every state explored at an earlier depth: an open-addressing table of 128-bit keys, probed linearly from
/// the key's own low bits (a hash already, and a uniform one), so a lookup costs one cache line where a
/// <see cref="HashSet{T}"/> costs a bucket and an entry in two arrays. Written only between depths, by one thread, and
/// read by every worker during one: concurrent reads of an array nobody writes are safe.
/// </summary>
public sealed class StateSet
{
    // Keys as (High, Low) pairs; (0, 0) marks an empty slot, so the key (0, 0) itself is held apart.
    private ulong[] slots = new ulong[2 * 1024];
    private int mask = 1023;
    private bool holdsZero;

    /// <summary>How many keys the set holds.</summary>
    public int Count { get; private set; }

    /// <summary>True when <paramref name="key"/> is in the set.</summary>
    /// <param name="key">A state key.</param>
    public bool Contains(StateKey key)
    {
        if (key is { High: 0, Low: 0 }) return holdsZero;
        var slots = this.slots;
        var mask = this.mask;
        for (var i = (int)key.Low & mask; ; i = (i + 1) & mask)
        {
            var high = slots[2 * i];
            var low = slots[2 * i + 1];
            if (high == key.High && low == key.Low) return true;
            if (high == 0 && low == 0) return false;
        }
    }

    /// <summary>
    /// Asks the CPU to start fetching the slot where a lookup of <paramref name="key"/> begins, so a worker that keys
    /// all of a state's successors first and looks them up after waits for their cache misses once, not once each.
    /// A hint: it reads nothing, and does nothing where the CPU has no prefetch instruction.
    /// </summary>
    /// <param name="key">A state key about to be looked up.</param>
    public unsafe void Prefetch(StateKey key)
    {
        if (!Sse.IsSupported) return;
        // A stale address (a table grown meanwhile) is harmless: a prefetch never faults.
        ref var slot = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slots), 2 * ((int)key.Low & mask));
        Sse.Prefetch0(Unsafe.AsPointer(ref slot));
    }

    /// <summary>Adds <paramref name="key"/>; false when it was there already. Not safe beside readers.</summary>
    /// <param name="key">A state key.</param>
    public bool Add(StateKey key)
    {
        if (key is { High: 0, Low: 0 })
        {
            if (holdsZero) return false;
            holdsZero = true;
            Count++;
            return true;
        }
        EnsureCapacity(Count + 1);
        if (!Place(slots, mask, key)) return false;
        Count++;
        return true;
    }

    /// <summary>Grows the table so <paramref name="count"/> keys fit at most three quarters full: one rehash per depth.</summary>
    /// <param name="count">The number of keys the set is about to hold.</param>
    public void EnsureCapacity(int count)
    {
        var capacity = mask + 1;
        if (count <= capacity / 4 * 3) return;
        while (count > capacity / 4 * 3) capacity *= 2;
        var grown = new ulong[2 * capacity];
        var grownMask = capacity - 1;
        for (var i = 0; i <= mask; i++)
        {
            if (slots[2 * i] != 0 || slots[2 * i + 1] != 0) Place(grown, grownMask, new StateKey(slots[2 * i], slots[2 * i + 1]));
        }
        slots = grown;
        mask = grownMask;
    }

    private static bool Place(ulong[] slots, int mask, StateKey key)
    {
        for (var i = (int)key.Low & mask; ; i = (i + 1) & mask)
        {
            var high = slots[2 * i];
            var low = slots[2 * i + 1];
            if (high == key.High && low == key.Low) return false;
            if (high != 0 || low != 0) continue;
            slots[2 * i] = key.High;
            slots[2 * i + 1] = key.Low;
            return true;
        }
    }
}
