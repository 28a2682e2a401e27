using System.Text.Json;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker.Reporting;

/// <summary>
/// One trace row as a JSON object, the shape of <c>lazymmu trace --format json</c>: op, callbacks, the counters,
/// is_active, warnings, pending writes, effects, task and CPU, and the op's result or error when it has one.
/// <c>check --format json</c> nests the same objects for a counterexample's replay.
/// </summary>
public static class TraceRowJson
{
    /// <summary>Writes <paramref name="row"/> as one object.</summary>
    /// <param name="json">Where to write.</param>
    /// <param name="row">The row.</param>
    /// <param name="arch">The arch's name, written first as "arch"; null leaves the field out (rows nested under an arch).</param>
    public static void Write(Utf8JsonWriter json, TraceRow row, string? arch)
    {
        json.WriteStartObject();
        if (arch is not null) json.WriteString("arch", arch);
        json.WriteString("op", row.Op);
        json.WriteStartArray("callbacks");
        foreach (var callback in row.Callbacks) json.WriteStringValue(CallbackLog.Name(callback));
        json.WriteEndArray();
        json.WriteNumber("enable_count", row.EnableCount);
        json.WriteNumber("pause_count", row.PauseCount);
        json.WriteBoolean("active", row.Active);
        json.WriteStartArray("warnings");
        foreach (var warning in row.Warnings) json.WriteStringValue(warning);
        json.WriteEndArray();
        json.WriteNumber("pending", row.Pending);
        json.WriteStartObject("effects");
        foreach (var (name, count) in row.Effects.NonZero()) json.WriteNumber(name, count);
        json.WriteEndObject();
        json.WriteNumber("task", row.Task);
        json.WriteNumber("cpu", row.Cpu);
        if (row.Result is not null) json.WriteString("result", row.Result);
        if (row.Error is not null) json.WriteString("error", row.Error);
        json.WriteEndObject();
    }
}
