namespace LazyMmuGen.Runtime;

/// <summary>
/// The only generic per-task state of the final contract: two u8 counters. The seed revisions reuse
/// them (<see cref="LazyMmuV3{TArch,TTask,TCpu}"/>, <see cref="LazyMmuV2{TArch,TTask,TCpu}"/>), so
/// <see cref="IsActive"/> has one shape for every revision; v2 also needs <see cref="V2Nested"/>.
/// </summary>
public struct LazyMmuState
{
    /// <summary>Final: enable_count. V3: count. Legacy: the arch's flag (0/1). V2: open sections (depth).</summary>
    public byte EnableCount;

    /// <summary>
    /// Final: pause_count. V3: 1 while paused. Legacy: 0. V2: 1 while the mode is off although sections
    /// are open (a pause, or the leave of a section opened while paused, left it), 0 otherwise.
    /// </summary>
    public byte PauseCount;

    /// <summary>
    /// V2 only (0 in every other revision): bit i is set when the enter() of open section i (0 = the
    /// outermost) returned LAZY_MMU_NESTED, clear when it returned LAZY_MMU_DEFAULT; bits at and above
    /// <see cref="EnableCount"/> are 0. Only 64 states fit: a section at depth 64 or deeper is treated
    /// as NESTED (see <see cref="LazyMmuV2{TArch,TTask,TCpu}"/>).
    /// </summary>
    public ulong V2Nested;

    /// <summary>In the mode: for V2, "mode on" is exactly depth > 0 with no pause mark.</summary>
    public readonly bool IsActive => EnableCount > 0 && PauseCount == 0;
}
