namespace LazyMmuGen.Runtime;

/// <summary>A pte update whose side effects (barrier, invalidation, hypercall, write-back) are not complete yet.</summary>
/// <param name="Id">The id <see cref="PendingWrites.Track"/> returned; ids grow in write order.</param>
/// <param name="Task">The task that made the write.</param>
/// <param name="Cpu">The CPU it was made on.</param>
/// <param name="Mm">The address space (mm) number written.</param>
/// <param name="Addr">The virtual address written, in bytes.</param>
/// <param name="InInterrupt">True when the write was made in interrupt context (it must complete at once, guarantee 4).</param>
public readonly record struct PendingWrite(long Id, int Task, int Cpu, int Mm, ulong Addr, bool InInterrupt);
