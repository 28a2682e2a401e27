namespace LazyMmuGen.Runtime;

/// <summary>
/// Every pte update starts pending; the arch completes it now (eager path) or later (batch, barrier flush).
/// Guarantees 1-3 of the contract are checked against this set.
/// </summary>
public sealed class PendingWrites
{
    // Oldest first: ids only grow, so appending keeps id order. A machine holds a few pending writes at a time, so a
    // list searched from the end is cheaper to keep, copy and walk than a dictionary.
    private readonly List<PendingWrite> pending = [];
    private long nextId = 1;

    /// <summary>Number of writes still pending.</summary>
    public int Count => pending.Count;

    internal void CopyFrom(PendingWrites source)
    {
        pending.Clear();
        pending.AddRange(source.pending);
        nextId = source.nextId;
    }

    /// <summary>The pending writes, oldest first.</summary>
    public IEnumerable<PendingWrite> All => pending.ToArray();

    /// <summary>Copies the pending writes into <paramref name="into"/> in id order (<see cref="All"/> without allocating).</summary>
    /// <param name="into">At least <see cref="Count"/> slots; the first <see cref="Count"/> are written.</param>
    public void CopyInOrder(Span<PendingWrite> into)
    {
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pending).CopyTo(into);
    }

    /// <summary>True when <paramref name="task"/> has a pending task-context write to <paramref name="addr"/> in <paramref name="mm"/>.</summary>
    /// <param name="task">A task id.</param>
    /// <param name="mm">The address space (mm) number.</param>
    /// <param name="addr">The virtual address, in bytes.</param>
    public bool HasTaskWrite(int task, int mm, ulong addr)
    {
        foreach (var write in pending)
        {
            if (write.Task == task && !write.InInterrupt && write.Mm == mm && write.Addr == addr) return true;
        }
        return false;
    }

    /// <summary>True when any write of <paramref name="task"/> is pending, in task or interrupt context.</summary>
    /// <param name="task">A task id.</param>
    public bool HasTaskWrites(int task)
    {
        foreach (var write in pending)
        {
            if (write.Task == task) return true;
        }
        return false;
    }

    /// <summary>
    /// Writes the (task, mm, in-interrupt) of every pending write, in order, into a machine's state: whose writes
    /// are outstanding decides the guarantees; ids and addresses are history.
    /// </summary>
    /// <param name="writer">The state being written.</param>
    internal void WriteState(StateWriter writer)
    {
        Span<long> keys = pending.Count <= 64 ? stackalloc long[pending.Count] : new long[pending.Count];
        var n = 0;
        foreach (var write in pending) keys[n++] = ((long)write.Task << 33) | ((long)(uint)write.Mm << 1) | (write.InInterrupt ? 1L : 0L);
        keys.Sort();
        writer.Count(n);
        foreach (var key in keys) writer.Long(key);
    }

    /// <summary>Records a new pending write and returns its id, for <see cref="Complete"/> once its side effects are done.</summary>
    /// <param name="task">The writing task.</param>
    /// <param name="cpu">The CPU written on.</param>
    /// <param name="mm">The address space (mm) number.</param>
    /// <param name="addr">The virtual address, in bytes.</param>
    /// <param name="inInterrupt">Whether the write is made in interrupt context.</param>
    public long Track(int task, int cpu, int mm, ulong addr, bool inInterrupt)
    {
        var id = nextId++;
        pending.Add(new PendingWrite(id, task, cpu, mm, addr, inInterrupt));
        return id;
    }

    /// <summary>True while the write with <paramref name="id"/> has not completed.</summary>
    /// <param name="id">An id from <see cref="Track"/>.</param>
    public bool IsPending(long id) => IndexOf(id) >= 0;

    /// <summary>The pending write with <paramref name="id"/>.</summary>
    /// <param name="id">An id from <see cref="Track"/>.</param>
    /// <exception cref="KeyNotFoundException">The write is not pending (completed, or never tracked).</exception>
    public PendingWrite Get(long id) => IndexOf(id) is var i and >= 0 ? pending[i] : throw new KeyNotFoundException($"write {id} is not pending");

    /// <summary>Marks a write complete: its side effects have happened. Completing a completed write does nothing.</summary>
    /// <param name="id">An id from <see cref="Track"/>.</param>
    public void Complete(long id)
    {
        var i = IndexOf(id);
        if (i >= 0) pending.RemoveAt(i);
    }

    private int IndexOf(long id)
    {
        for (var i = pending.Count - 1; i >= 0; i--)
        {
            if (pending[i].Id == id) return i;
        }
        return -1;
    }

    /// <summary>Completes every write a task made; used by per-task deferral such as arm64's barrier flag.</summary>
    /// <param name="task">The task whose writes (outside interrupt context) complete.</param>
    public void CompleteTask(int task)
    {
        // A loop rather than RemoveAll: its predicate would capture task in a closure allocated on every call.
        var kept = 0;
        for (var i = 0; i < pending.Count; i++)
        {
            var write = pending[i];
            if (write.Task == task && !write.InInterrupt) continue;
            pending[kept++] = write;
        }
        pending.RemoveRange(kept, pending.Count - kept);
    }
}
