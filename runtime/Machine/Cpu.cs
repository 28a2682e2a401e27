namespace LazyMmuGen.Runtime;

/// <summary>Generic per-CPU state. Arch per-CPU state lives beside it in the typed machine.</summary>
public sealed class Cpu(int id)
{
    public const int Idle = 0;

    public int Id { get; } = id;
    public int PreemptCount { get; internal set; }
    public int IrqDepth { get; internal set; }
    public int CurrentTask { get; internal set; } = Idle;

    public bool InInterrupt => IrqDepth > 0;

    internal Cpu Clone() => new(Id) { PreemptCount = PreemptCount, IrqDepth = IrqDepth, CurrentTask = CurrentTask };
    public bool CanSchedule => PreemptCount == 0 && IrqDepth == 0;
}
