namespace LazyMmuGen;

/// <summary>
/// The properties the model checker checks, by the name it reports a broken one under: their one home. The
/// checker returns only these constants, and the generator validates a descriptor's <c>expected-violation.property</c>
/// against <see cref="All"/>, so a typo there is a located error instead of an unexpected FAIL or PASS. Compiled
/// into both (a linked source file: the generator, an analyzer, must not depend on the checker's assembly).
/// </summary>
internal static class CheckedProperties
{
    public const string NoException = "arch code completes without exceptions";
    public const string NoArchBug = "no arch BUG";
    public const string MachineRules = "arch respects machine rules";
    public const string StoresAtWriteLevel = "pte stores happen at the write level";
    public const string Callbacks = "callbacks follow the contract table";
    public const string Counters = "counters follow the contract table";
    public const string WarnOnce = "warn-once per site";
    public const string IsActive = "is_active follows the counters";
    public const string CompleteAfterDisable = "guarantee 1: writes complete after disable";
    public const string CompleteAfterPause = "guarantee 2: writes complete after pause";
    public const string OutsideAtOnce = "guarantee 3: outside the mode writes complete at once";
    public const string InterruptAtOnce = "guarantee 3/4: interrupt writes complete at once";
    public const string InterruptNeverExtends = "guarantee 4: an interrupt never extends a task's batch";
    public const string ReadYourWrites = "read your writes";
    public const string GetPteIsARead = "get_pte is a read";
    public const string RegisterDiscipline = "register discipline";
    public const string NoMixedTasks = "a batch never mixes tasks";
    public const string NoMixedMms = "a batch never mixes mms";
    public const string LeaveRestoresPreemption = "outermost leave restores preemption";
    public const string LeaveRestoresRegisters = "outermost leave restores registers";
    public const string LeaveEmptiesBatches = "outermost leave empties batches";
    public const string LeaveCompletesWrites = "outermost leave completes every write";
    public const string BatchingIsReal = "batching is real";

    /// <summary>Every property, in the order the checker tests them after a step.</summary>
    public static readonly string[] All =
    {
        NoException, NoArchBug, StoresAtWriteLevel, MachineRules, Callbacks, Counters, WarnOnce, IsActive,
        CompleteAfterDisable, CompleteAfterPause, OutsideAtOnce, InterruptAtOnce, InterruptNeverExtends,
        ReadYourWrites, GetPteIsARead, LeaveRestoresPreemption, LeaveRestoresRegisters, LeaveEmptiesBatches,
        LeaveCompletesWrites, RegisterDiscipline, NoMixedTasks, NoMixedMms, BatchingIsReal,
    };
}
