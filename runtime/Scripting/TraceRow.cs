namespace LazyMmuGen.Runtime.Scripting;

/// <summary>What one op did: the columns of `lazymmu trace`, in table or json form.</summary>
public sealed record TraceRow(
    string Op,
    IReadOnlyList<ArchCallback> Callbacks,
    byte EnableCount,
    byte PauseCount,
    bool Active,
    IReadOnlyList<string> Warnings,
    int Pending,
    EffectCounts Effects,
    int Task,
    int Cpu,
    string? Result,
    string? Error);
