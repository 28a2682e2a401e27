using System.Reflection;
using System.Text;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Cli.Output;

/// <summary>
/// The arch-support matrix (`lazymmu arches --format markdown`): for each arch, the mechanisms it composes,
/// which callbacks do work, how pause/resume reach it, and its per-task and per-CPU state. Everything is
/// read from what was generated: the registry entry, and by reflection the arch type and its TaskState /
/// CpuState structs (the generic arguments of the machine <see cref="ArchInfo.CreateMachine"/> builds).
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
            var (type, task, cpu) = Types(arch);
            var cells = new List<string> { arch.Name };
            cells.AddRange(mechanisms.Select(m => arch.Mechanisms.Contains(m) ? Does : ""));
            foreach (var callback in Callbacks)
            {
                if (!arch.HasLazyMmuMode) cells.Add(Stub);
                else if (!arch.HasDistinctPauseResume && callback is "Pause") cells.Add("→ leave");
                else if (!arch.HasDistinctPauseResume && callback is "Resume") cells.Add("→ enter");
                else cells.Add(DoesWork(type, callback) ? Does : Empty);
            }
            cells.Add(!arch.HasLazyMmuMode ? "stubs" : arch.HasDistinctPauseResume ? "distinct" : "leave/enter");
            cells.Add(Fields(task));
            cells.Add(Fields(cpu));
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

    /// <summary>The arch type and its state structs: Machine&lt;TArch, TTask, TCpu&gt;'s generic arguments.</summary>
    public static (Type Arch, Type Task, Type Cpu) Types(ArchInfo arch)
    {
        for (var type = arch.CreateMachine(MachineOptions.Default).GetType(); type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Machine<,,>))
            {
                var arguments = type.GetGenericArguments();
                return (arguments[0], arguments[1], arguments[2]);
            }
        }
        throw new InvalidOperationException($"{arch.Name}: its machine is not a Machine<TArch, TTask, TCpu>");
    }

    /// <summary>True when the static callback's body is more than nop/ret (an empty generated method compiles to just that).</summary>
    public static bool DoesWork(Type arch, string callback)
    {
        var method = arch.GetMethod(callback, BindingFlags.Public | BindingFlags.Static);
        var il = method?.GetMethodBody()?.GetILAsByteArray();
        return il is not null && il.Any(op => op is not (0x00 or 0x2A)); // nop, ret
    }

    public static string Fields(Type state)
    {
        var names = state.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .OrderBy(f => f.MetadataToken)
            .Select(f => "`" + f.Name + "`")
            .ToList();
        return names.Count == 0 ? Empty : string.Join(", ", names);
    }

    private static void Row(StringBuilder b, IEnumerable<string> cells) =>
        b.Append("| ").Append(string.Join(" | ", cells.Select(c => c.Replace("|", "\\|")))).Append(" |\n");
}
