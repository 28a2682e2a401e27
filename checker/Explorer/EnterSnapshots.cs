using LazyMmuGen.Runtime;

namespace LazyMmuGen.Checker.Explorer;

/// <summary>
/// Per task, what its outermost enter found (preempt_count and the registers off reset), kept until the outermost
/// leave checks that both were restored. Arrays by task id, with the register files reused from section to section:
/// taking, copying and closing a snapshot allocates nothing once a task has had one.
/// </summary>
public sealed class EnterSnapshots
{
    // -1: no section open. Otherwise the preempt_count the outermost enter found.
    private readonly int[] preempt;
    private readonly RegisterFile?[] registers;

    /// <summary>No snapshot for any of <paramref name="tasks"/> task ids.</summary>
    /// <param name="tasks">The machine's task slots (<see cref="MachineCore.MaxTasks"/>).</param>
    public EnterSnapshots(int tasks)
    {
        preempt = new int[tasks];
        Array.Fill(preempt, -1);
        registers = new RegisterFile?[tasks];
    }

    /// <summary>An independent copy.</summary>
    public EnterSnapshots Clone()
    {
        var copy = new EnterSnapshots(preempt.Length);
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>Makes these snapshots a copy of <paramref name="source"/>'s, reusing the register files.</summary>
    /// <param name="source">Snapshots of as many tasks.</param>
    public void CopyFrom(EnterSnapshots source)
    {
        source.preempt.AsSpan().CopyTo(preempt);
        for (var t = 0; t < preempt.Length; t++)
        {
            if (preempt[t] >= 0) (registers[t] ??= new RegisterFile()).CopySwitchedFrom(source.registers[t]!);
        }
    }

    /// <summary>Records what the outermost enter of <paramref name="task"/> finds.</summary>
    /// <param name="task">The task.</param>
    /// <param name="preemptCount">Its CPU's preempt_count.</param>
    /// <param name="live">Its registers: only those off reset are kept, so "never written" and "written back to 0" snapshot alike.</param>
    public void Take(int task, int preemptCount, RegisterFile live)
    {
        preempt[task] = preemptCount;
        (registers[task] ??= new RegisterFile()).CopySwitchedFrom(live);
    }

    /// <summary>Closes the snapshot of <paramref name="task"/> and tells what it held; false when it had none.</summary>
    /// <param name="task">The task whose outermost leave ran.</param>
    /// <param name="preemptCount">The preempt_count its enter found.</param>
    /// <param name="switched">Its registers then (valid until its next <see cref="Take"/>).</param>
    public bool Close(int task, out int preemptCount, out RegisterFile switched)
    {
        preemptCount = preempt[task];
        switched = registers[task]!;
        preempt[task] = -1;
        return preemptCount >= 0;
    }

    /// <summary>Writes the open snapshots, in task order, into a state key.</summary>
    /// <param name="writer">The state being written.</param>
    public void WriteState(StateWriter writer)
    {
        var open = 0;
        foreach (var count in preempt) open += count >= 0 ? 1 : 0;
        writer.Label("#snapshots").Count(open);
        for (var task = 0; task < preempt.Length; task++)
        {
            if (preempt[task] < 0) continue;
            writer.Int(task).Int(preempt[task]);
            registers[task]!.WriteState(writer);
        }
    }
}
