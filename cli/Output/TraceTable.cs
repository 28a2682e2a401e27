using LazyMmuGen.Runtime.Reporting;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Cli.Output;

public static class TraceTable
{
    public static string Render(IEnumerable<TraceRow> rows)
    {
        var table = new TextTable("op", "callbacks", "enable", "pause", "active", "pending", "effects", "notes");
        foreach (var row in rows)
        {
            var notes = row.Warnings.Select(w => "WARN " + w).ToList();
            if (row.Result is not null) notes.Add("= " + row.Result);
            if (row.Error is not null) notes.Add(row.Error);
            table.Add(row.Op, row.Callbacks.Count == 0 ? "-" : string.Join(",", row.Callbacks.Select(CallbackLog.Name)),
                row.EnableCount.ToString(), row.PauseCount.ToString(), row.Active ? "yes" : "no",
                row.Pending.ToString(), row.Effects.ToString() is { Length: > 0 } e ? e : "-", string.Join("; ", notes));
        }
        return table.ToString();
    }
}
