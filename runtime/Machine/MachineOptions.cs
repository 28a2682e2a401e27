namespace LazyMmuGen.Runtime;

/// <summary>
/// How a machine is built: its size, how it treats misuse of the lazy MMU API, which revision of the generic layer
/// it runs, and whether it records per-op logs. Immutable; derive variants with <c>with</c>:
/// <c>MachineOptions.Default with { Policy = MisusePolicy.Strict }</c>.
/// </summary>
public sealed record MachineOptions
{
    /// <summary>Number of CPUs (at least 1; default 2).</summary>
    public int Cpus { get; init; } = 2;

    /// <summary>Task slots including the idle task 0, so tasks are 1 to MaxTasks - 1 (at least 2; default 8).</summary>
    public int MaxTasks { get; init; } = 8;

    /// <summary>What a misuse (an over- or underflowing counter) does: warn once and wrap like the kernel (default), or throw.</summary>
    public MisusePolicy Policy { get; init; } = MisusePolicy.WarnOnce;

    /// <summary>The revision of the generic layer (docs/contract.md §2, §5); default the merged one, <see cref="GenericRevision.Final"/>.</summary>
    public GenericRevision Revision { get; init; } = GenericRevision.Final;

    /// <summary>Record callbacks and warnings per op (trace, checker). Off for hot-path benchmarks.</summary>
    public bool Record { get; init; } = true;

    /// <summary>2 CPUs, 8 task slots, warn-once misuse, the final revision, recording on.</summary>
    public static MachineOptions Default { get; } = new();
}
