namespace LazyMmuGen.Runtime;

/// <summary>
/// The mechanism primitives of a machine being copied, each paired with its copy in the machine copied into, so a
/// primitive two states refer to (s390's per-CPU cache and a task's pointer to it) gets one copy. A copy is the
/// primitive the copied-into machine already has in the same field when that one can take it
/// (<see cref="IMechanismState.TryCopyFrom"/>), else a clone: copying a machine into another of its arch allocates
/// nothing once their primitives pair. A handful of primitives per machine, so a linear search by reference beats a
/// hashed map (which hashed every primitive's identity on every copy).
/// </summary>
public sealed class PrimitiveCopies
{
    private IMechanismState[] originals = new IMechanismState[8];
    private IMechanismState[] copies = new IMechanismState[8];
    private int count;

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
            if (ReferenceEquals(originals[i], original)) return copies[i];
        }
        var copy = reusable is not null && !IsCopy(reusable) && reusable.TryCopyFrom(original) ? reusable : original.Clone();
        Add(original, copy);
        return copy;
    }

    /// <summary>Forgets every pair, and the references with them: a machine copied from keeps no hold on another's objects.</summary>
    public void Clear()
    {
        Array.Clear(originals, 0, count);
        Array.Clear(copies, 0, count);
        count = 0;
    }

    private bool IsCopy(IMechanismState state)
    {
        for (var i = 0; i < count; i++)
        {
            if (ReferenceEquals(copies[i], state)) return true;
        }
        return false;
    }

    private void Add(IMechanismState original, IMechanismState copy)
    {
        if (count == originals.Length)
        {
            Array.Resize(ref originals, count * 2);
            Array.Resize(ref copies, count * 2);
        }
        originals[count] = original;
        copies[count] = copy;
        count++;
    }
}
