namespace LazyMmuGen.Testing;

/// <summary>
/// The generic layer's table (docs/contract.md §2, final revision) as op scripts: one row per cell of the table,
/// plus the warn-once and wrap rules under it. Every arch must follow each row; the checker's contract oracle
/// says what each op must call and leave behind.
/// </summary>
public static class ContractTable
{
    /// <summary>One row: what it shows (in the contract's words) and the script that exercises it.</summary>
    /// <param name="Name">What the row shows, such as "disable() to a non-zero count calls arch_flush".</param>
    /// <param name="Script">The op script (the `lazymmu trace --ops` syntax) that exercises it.</param>
    public sealed record Row(string Name, string Script);

    /// <summary>Every row, in the order of docs/contract.md §2.</summary>
    public static IReadOnlyList<Row> Rows { get; } =
    [
        new("enable() from 0 calls arch_enter", "enable"),
        new("a nested enable() calls nothing", "enable;enable;enable"),
        new("enable() and disable() while paused have no effect", "enable;pause;enable;disable;resume;disable"),
        new("disable() to 0 calls arch_leave", "enable;disable"),
        new("disable() to a non-zero count calls arch_flush", "enable;enable;enable;disable;disable;disable"),
        new("pause() inside a section calls arch_leave (arch_pause when distinct)", "enable;enable;pause;resume;disable;disable"),
        new("a nested pause() and its resume() call nothing", "enable;pause;pause;resume;resume;disable"),
        new("pause() and resume() outside any section call nothing", "pause;resume;enable;disable"),
        new("resume() of the last pause calls arch_enter (arch_resume when distinct)", "enable;pause;resume;disable"),
        new("every call in interrupt context has no effect", "enable;irq_enter;enable;disable;pause;resume;disable;irq_exit;disable"),
        new("tasks have counters of their own", "enable;switch(task=2);enable;enable;disable;disable;switch(task=1);disable"),
        new("a second disable() at 0 warns once, wraps to 255 and calls arch_flush", "enable;disable;disable"),
        new("resume() without pause() warns once and calls nothing", "enable;resume"),
        new("enable() at 255 warns once and wraps to 0 without arch_enter", string.Join(";", Enumerable.Repeat("enable", 256))),
        new("pause() at 255 warns once and wraps to 0", string.Join(";", Enumerable.Repeat("pause", 256))),
    ];
}
