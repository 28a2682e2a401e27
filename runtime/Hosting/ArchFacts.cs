namespace LazyMmuGen.Runtime;

/// <summary>
/// What the generator knows about an arch's generated code, published so tools read it instead of inspecting
/// IL or reflecting over the generated structs.
/// </summary>
/// <param name="CallbacksWithWork">
/// The <see cref="ILazyMmuArch{TSelf,TTask,TCpu}"/> callbacks whose generated body does something (by member
/// name: "Enter", "Leave", "Flush", "Pause", ...); a callback not listed is empty. Pause and Resume that fall
/// back to Leave and Enter do work exactly when those do.
/// </param>
/// <param name="TaskStateFields">The fields of the generated per-task <c>TaskState</c> struct, in declaration order.</param>
/// <param name="CpuStateFields">The fields of the generated per-CPU <c>CpuState</c> struct, in declaration order.</param>
public sealed record ArchFacts(IReadOnlyList<string> CallbacksWithWork, IReadOnlyList<string> TaskStateFields, IReadOnlyList<string> CpuStateFields)
{
    /// <summary>No callback does work and there is no state: an arch built without published facts.</summary>
    public static ArchFacts None { get; } = new([], [], []);

    /// <summary>
    /// The effect kinds the arch's mechanisms emit, declared from their definitions (reading this list makes
    /// sure they are declared: output names and the simulator's default costs come from the declarations).
    /// </summary>
    public IReadOnlyList<EffectKind> Effects { get; init; } = [];

    /// <summary>
    /// The "batching is real" bounds the arch's mechanisms declare (their definitions' <c>batching:</c>, with this
    /// arch's parameter values), one per declaring mechanism; the model checker checks each (docs/contract.md §7).
    /// </summary>
    public IReadOnlyList<BatchingBound> Batching { get; init; } = [];

    /// <summary>
    /// The registers page-table stores need at a level (their mechanisms' <c>store-level:</c>, with this arch's values: the
    /// arch type's <c>StoreGuards</c>); its machines fault a store made otherwise.
    /// </summary>
    public IReadOnlyList<StoreGuard> StoreGuards { get; init; } = [];

    /// <summary>
    /// True when every mechanism of the arch declares <c>cpu-symmetric: true</c> (its code treats CPU numbers only as
    /// names): the model checker may then identify states that differ only by which CPU is which (docs/checker.md#symmetry).
    /// </summary>
    public bool CpuSymmetric { get; init; }

    /// <summary>
    /// True when the generated <c>GetPte</c> is nothing but the page-table read (<c>return c.Machine.PageTable.Read(mm, addr);</c>:
    /// no mechanism has a get-pte fragment and arch.scriban's body is its own). Such a read cannot change the machine, so
    /// the model checker's "get_pte is a read" holds by construction and is not proved again on every write. False, the
    /// safe default, whenever the generator cannot tell (a registry template of a user's that does not pass it).
    /// </summary>
    public bool GetPteIsPlainRead { get; init; }

    /// <summary>True when the generated <paramref name="callback"/> ("Enter", "Leave", ...) does something.</summary>
    public bool DoesWork(string callback) => CallbacksWithWork.Contains(callback);
}
