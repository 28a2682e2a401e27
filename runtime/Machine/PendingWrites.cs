namespace LazyMmuGen.Runtime;

/// <summary>
/// Every pte update starts pending; the arch completes it now (eager path) or later (batch, barrier flush).
/// Guarantees 1-3 of the contract are checked against this set.
/// </summary>
public sealed class PendingWrites
{
    private readonly Dictionary<long, PendingWrite> pending = new();
    private long nextId = 1;

    public int Count => pending.Count;

    internal void CopyFrom(PendingWrites source)
    {
        foreach (var (id, write) in source.pending) pending[id] = write;
        nextId = source.nextId;
    }

    public IEnumerable<PendingWrite> All => pending.Values.OrderBy(p => p.Id);

    public long Track(int task, int cpu, int mm, ulong addr, bool inInterrupt)
    {
        var id = nextId++;
        pending.Add(id, new PendingWrite(id, task, cpu, mm, addr, inInterrupt));
        return id;
    }

    public bool IsPending(long id) => pending.ContainsKey(id);

    public PendingWrite Get(long id) => pending[id];

    public void Complete(long id) => pending.Remove(id);

    /// <summary>Completes every write a task made; used by per-task deferral such as arm64's barrier flag.</summary>
    public void CompleteTask(int task)
    {
        if (pending.Count == 0) return;
        foreach (var write in pending.Values)
        {
            if (write.Task == task && !write.InInterrupt) pending.Remove(write.Id);
        }
    }
}
