namespace LazyMmuGen.Runtime;

/// <summary>
/// The mechanism primitives of a machine being copied, each paired with its copy in the machine copied into, so a
/// primitive two states refer to (s390's per-CPU cache and a task's pointer to it) gets one copy. A copy is the
/// primitive the copied-into machine already has in the same field when that one can take it
/// (<see cref="IMechanismState.TryCopyFrom"/>), else a clone: copying a machine into another of its arch allocates
/// nothing once their primitives pair. A handful of primitives per machine, so a linear search by reference beats a
/// hashed map (which hashed every primitive's identity on every copy). The pairs are structs: storing an interface
/// reference into an interface array costs a covariance check per store, a tenth of a machine copy (x86-xen, perf).
/// </summary>
public sealed class PrimitiveCopies
{
    private Pair[] pairs = new Pair[8];
    private int count;

    private record struct Pair(IMechanismState Original, IMechanismState Copy);

    /// <summary>
    /// The copy of <paramref name="original"/>: the one made earlier in this machine copy, or
    /// <paramref name="reusable"/> made a copy of it when it can be (and is not already another primitive's copy),
    /// or a clone.
    /// </summary>
    /// <param name="original">A primitive of the machine being copied.</param>
    /// <param name="reusable">What the copied-into machine held in the same field, or null.</param>
    public IMechanismState CopyOf(IMechanismState original, IMechanismState? reusable)
    {
        for (var i = 0; i < count; i++)
        {
            if (ReferenceEquals(pairs[i].Original, original)) return pairs[i].Copy;
        }
        var copy = reusable is not null && !IsCopy(reusable) && reusable.TryCopyFrom(original) ? reusable : original.Clone();
        Add(original, copy);
        return copy;
    }

    /// <summary>Forgets every pair, and the references with them: a machine copied from keeps no hold on another's objects.</summary>
    public void Clear()
    {
        pairs.AsSpan(0, count).Clear();
        count = 0;
    }

    private bool IsCopy(IMechanismState state)
    {
        for (var i = 0; i < count; i++)
        {
            if (ReferenceEquals(pairs[i].Copy, state)) return true;
        }
        return false;
    }

    private void Add(IMechanismState original, IMechanismState copy)
    {
        if (count == pairs.Length) Array.Resize(ref pairs, count * 2);
        pairs[count++] = new Pair(original, copy);
    }
}
