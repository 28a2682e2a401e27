namespace LazyMmuGen.Runtime;

/// <summary>A pte update whose side effects (barrier, invalidation, hypercall, write-back) are not complete yet.</summary>
public readonly record struct PendingWrite(long Id, int Task, int Cpu, int Mm, ulong Addr, bool InInterrupt);
