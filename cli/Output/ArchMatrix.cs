using System.Text;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Cli.Output;

/// <summary>
/// The arch-support matrix (`lazymmu arches --format markdown`): for each arch, the mechanisms it composes,
/// which callbacks do work, how pause/resume reach it, and its per-task and per-CPU state. Everything is
/// read from what the generator published in the registry entry (<see cref="ArchInfo.Facts"/>).
/// </summary>
public static class ArchMatrix
{
    private const string Does = "✓";
    private const string Empty = "–";
    private const string Stub = "stub";
    private static readonly string[] Callbacks = ["Enter", "Leave", "Flush", "Pause", "Resume"];

    public static string Markdown(IReadOnlyList<ArchInfo> arches)
    {
        var mechanisms = arches.SelectMany(a => a.Mechanisms).Distinct().Order(StringComparer.Ordinal).ToList();
        var headers = new List<string> { "arch" };
        headers.AddRange(mechanisms);
        headers.AddRange(Callbacks.Select(c => c.ToLowerInvariant()));
        headers.AddRange(["pause/resume", "per-task state", "per-CPU state"]);

        var b = new StringBuilder();
        Row(b, headers);
        Row(b, headers.Select((_, i) => i == 0 || i >= headers.Count - 2 ? "---" : ":-:"));
        foreach (var arch in arches)
        {
            var cells = new List<string> { arch.Name };
            cells.AddRange(mechanisms.Select(m => arch.Mechanisms.Contains(m) ? Does : ""));
            foreach (var callback in Callbacks)
            {
                if (!arch.HasLazyMmuMode) cells.Add(Stub);
                else if (!arch.HasDistinctPauseResume && callback is "Pause") cells.Add("→ leave");
                else if (!arch.HasDistinctPauseResume && callback is "Resume") cells.Add("→ enter");
                else cells.Add(arch.Facts.DoesWork(callback) ? Does : Empty);
            }
            cells.Add(!arch.HasLazyMmuMode ? "stubs" : arch.HasDistinctPauseResume ? "distinct" : "leave/enter");
            cells.Add(Fields(arch.Facts.TaskStateFields));
            cells.Add(Fields(arch.Facts.CpuStateFields));
            Row(b, cells);
        }
        b.Append('\n');
        b.Append(Does).Append(": the arch's callback does work. ").Append(Empty).Append(": the callback is empty. ")
            .Append("→ leave / → enter: with leave/enter pause/resume, the generic layer calls the arch's leave for the outermost ")
            .Append("pause() and its enter for the matching resume(); with distinct, the arch has its own pause and resume callbacks. ")
            .Append(Stub).Append(": the arch does not opt in (no mechanisms), so the generic helpers are the kernel's empty stubs and never call it. ")
            .Append("State: the fields of the generated `TaskState` (per task, owned by the generic layer) and `CpuState` (per CPU) structs.\n");
        return b.ToString();
    }

    public static string Fields(IReadOnlyList<string> fields) =>
        fields.Count == 0 ? Empty : string.Join(", ", fields.Select(f => "`" + f + "`"));

    private static void Row(StringBuilder b, IEnumerable<string> cells) =>
        b.Append("| ").Append(string.Join(" | ", cells.Select(c => c.Replace("|", "\\|")))).Append(" |\n");
}
