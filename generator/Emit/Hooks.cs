namespace LazyMmuGen.Generator.Emit;

/// <summary>The hook points a mechanism fragment can fill, one generated member each.</summary>
public static class Hooks
{
    public static readonly string[] All =
    {
        "task-state", "cpu-state", "members", "init-task", "init-cpu", "enter", "enter-range", "leave", "flush",
        "pause", "resume", "pte-guard", "pte-store", "pte-complete", "pte-unguard", "get-pte",
        "switch-out", "switch-in",
    };

    /// <summary>With distinct pause/resume, a mechanism without its own pause fragment pauses by leaving.</summary>
    public static string? FallbackOf(string hook) => hook switch
    {
        "pause" => "leave",
        "resume" => "enter",
        "enter-range" => "enter",
        _ => null,
    };
}
