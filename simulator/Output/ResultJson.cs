using System.Text;
using System.Text.Json;

namespace LazyMmuGen.Simulator.Output;

/// <summary>One JSON object per (arch, workload, mode); effects and work hold the non-zero counters (work: base work, empty for most workloads).</summary>
public static class ResultJson
{
    public static string Line(SimulationResult r)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("arch", r.Arch);
            json.WriteString("workload", r.Workload);
            json.WriteNumber("size", r.Size);
            json.WriteString("mode", r.Mode.Name());
            Number(json, "cycles", r.Cycles);
            Number(json, "vs_eager", r.VsEager);
            json.WriteStartObject("effects");
            foreach (var (name, count) in r.Effects.NonZero()) json.WriteNumber(name, count);
            json.WriteEndObject();
            json.WriteStartObject("work");
            foreach (var (name, count) in r.Work.NonZero()) json.WriteNumber(name, count);
            json.WriteEndObject();
            json.WriteStartArray("notes");
            foreach (var note in r.Notes) json.WriteStringValue(note);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
