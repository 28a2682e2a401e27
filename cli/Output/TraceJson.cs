using System.Text;
using System.Text.Json;
using LazyMmuGen.Checker.Reporting;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Cli.Output;

/// <summary>One JSON object per op (a `json` document holds them all, `jsonl` prints one per line), with the shared counter names.</summary>
public static class TraceJson
{
    public static string Line(string arch, TraceRow row)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, CliJson.Writer)) TraceRowJson.Write(json, row, arch);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
