namespace LazyMmuGen.Runtime;

public sealed record MachineOptions
{
    public int Cpus { get; init; } = 2;
    public int MaxTasks { get; init; } = 8;
    public MisusePolicy Policy { get; init; } = MisusePolicy.WarnOnce;
    public GenericRevision Revision { get; init; } = GenericRevision.Final;

    /// <summary>Record callbacks and warnings per op (trace, checker). Off for hot-path benchmarks.</summary>
    public bool Record { get; init; } = true;

    public static MachineOptions Default { get; } = new();
}
