using System.Text;
using System.Text.Json;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Cli.Output;

/// <summary>One JSON object per op (a `json` document holds them all, `jsonl` prints one per line), with the shared counter names.</summary>
public static class TraceJson
{
    public static string Line(string arch, TraceRow row)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, CliJson.Writer))
        {
            json.WriteStartObject();
            json.WriteString("arch", arch);
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
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
