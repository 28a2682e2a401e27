using LazyMmuGen.Runtime;

namespace LazyMmuGen.Checker.Explorer;

/// <summary>The machine every exploration starts from: 2 CPUs and exactly the tasks the alphabet uses.</summary>
public static class Machines
{
    /// <summary>Idle (0) plus tasks 1 and 2: every extra task slot only costs time in cloning and hashing.</summary>
    public const int Tasks = 3;

    /// <summary>The options of every explored machine: 2 CPUs, <see cref="Tasks"/> task slots, warn-once misuse, recording on.</summary>
    /// <param name="revision">The revision of the generic layer.</param>
    public static MachineOptions For(GenericRevision revision) =>
        MachineOptions.Default with { Revision = revision, Cpus = 2, MaxTasks = Tasks };
}
