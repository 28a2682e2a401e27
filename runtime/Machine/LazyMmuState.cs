namespace LazyMmuGen.Runtime;

/// <summary>The only generic per-task state of the final contract: two u8 counters.</summary>
public struct LazyMmuState
{
    public byte EnableCount;
    public byte PauseCount;

    public readonly bool IsActive => EnableCount > 0 && PauseCount == 0;
}
