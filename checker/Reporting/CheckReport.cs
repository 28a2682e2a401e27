using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker.Reporting;

/// <summary>How long one arch's check took and the process's peak memory after it: the only figures of a report that vary between runs.</summary>
/// <param name="Seconds">Wall-clock seconds of the check.</param>
/// <param name="PeakMemoryBytes">The process's peak working set when the check ended (so far in the run, not this arch's alone).</param>
public sealed record CheckTiming(double Seconds, long PeakMemoryBytes)
{
    /// <summary>Distinct states per second of wall clock, rounded.</summary>
    /// <param name="states">The states the check saw (<see cref="CheckResult.States"/>).</param>
    public long StatesPerSecond(long states) => (long)Math.Round(states / Math.Max(Seconds, 0.001));
}

/// <summary>
/// One arch's check as the JSON object <c>lazymmu check --format json</c> prints (one per arch): the outcome against the
/// descriptor's declaration, the counts, and for a violation its property, its ops (as a list, a script and a runnable
/// <c>lazymmu trace</c> line), its length and the trace of its replay. Everything but the optional "timing" object is a
/// function of the arch and the options, so it is the same for every thread count and every run.
/// </summary>
public static class CheckReport
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A revision's CLI name: final, v3, v2 or legacy.</summary>
    /// <param name="revision">The revision.</param>
    public static string RevisionName(GenericRevision revision) => revision.ToString().ToLowerInvariant();

    /// <summary>
    /// The command that replays <paramref name="violation"/> as printed: <see cref="Violation.Reproduce"/> plus
    /// <c>--revision</c> when it is not the default and <paramref name="suffix"/> (the descriptor paths the arch came from).
    /// </summary>
    /// <param name="violation">The violation.</param>
    /// <param name="revision">The revision it was found under.</param>
    /// <param name="suffix">Appended as is, e.g. " path/to/x.arch.yaml"; empty for a built-in arch.</param>
    public static string Reproduce(Violation violation, GenericRevision revision, string suffix = "") =>
        violation.Reproduce + (revision == GenericRevision.Final ? "" : $" --revision {RevisionName(revision)}") + suffix;

    /// <summary>What <see cref="Reproduce"/>'s command shows: the violation's ops run by <c>lazymmu trace</c> (a fresh default machine, warn-once misuse).</summary>
    /// <param name="arch">The arch.</param>
    /// <param name="violation">The violation.</param>
    /// <param name="revision">The revision it was found under.</param>
    public static IReadOnlyList<TraceRow> Replay(ArchInfo arch, Violation violation, GenericRevision revision) =>
        new TraceRunner(arch.CreateMachine(MachineOptions.Default with { Revision = revision }))
            .Run(violation.Ops.Select(op => OpScript.Parse(op).Single()).ToList()).ToList();

    /// <summary>
    /// The JSON object of one arch's check, on one line: arch, revision, outcome, as_declared, expected_violation, passed,
    /// max_depth, batch_capacity, depth, states, transitions; property, detail, counterexample (the script), ops, length, reproduce and
    /// trace (null on a pass); and "timing" (seconds, states_per_second, peak_memory_mb) only when <paramref name="timing"/> is given.
    /// </summary>
    /// <param name="arch">The arch checked (its <see cref="ArchInfo.ExpectedViolation"/> decides the outcome).</param>
    /// <param name="options">The options it was checked with (depth and revision).</param>
    /// <param name="result">What <see cref="ModelChecker.Check"/> returned.</param>
    /// <param name="reproduceSuffix">Appended to the reproduce line (<see cref="Reproduce"/>).</param>
    /// <param name="timing">The run's timing, or null to leave it out (the rest is deterministic).</param>
    public static string Json(ArchInfo arch, CheckOptions options, CheckResult result, string reproduceSuffix = "", CheckTiming? timing = null)
    {
        return JsonCore(arch, options, result, reproduceSuffix, timing);
    }

    /// <summary>
    /// The properties the checker could not check for <paramref name="arch"/>: "batching is real" when its lazy MMU
    /// callbacks do work (so something may be batched) but none of its mechanisms declares a <c>batching:</c> bound.
    /// An arch whose callbacks are all empty batches nothing, and misses nothing.
    /// </summary>
    /// <param name="arch">The arch.</param>
    public static IReadOnlyList<string> Unchecked(ArchInfo arch) =>
        arch.HasLazyMmuMode && arch.Facts.Batching.Count == 0 && new[] { "Enter", "Leave", "Flush", "Pause", "Resume" }.Any(arch.Facts.DoesWork)
            ? [CheckedProperties.BatchingIsReal]
            : [];

    private static string JsonCore(ArchInfo arch, CheckOptions options, CheckResult result, string reproduceSuffix, CheckTiming? timing)
    {
        var outcome = new CheckOutcome(result, arch.ExpectedViolation);
        var v = result.Violation;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Writer))
        {
            json.WriteStartObject();
            json.WriteString("arch", result.Arch);
            json.WriteString("revision", RevisionName(options.Revision));
            json.WriteString("outcome", outcome.Kind);
            json.WriteBoolean("as_declared", outcome.AsDeclared);
            WriteStringOrNull(json, "expected_violation", outcome.Expected?.Property);
            json.WriteBoolean("passed", result.Passed);
            json.WriteNumber("max_depth", options.Depth);
            // What "batching is real" was checked against, and what a --batch-capacity build lowered it to.
            json.WriteStartObject("batch_capacity");
            foreach (var bound in arch.Facts.Batching)
            {
                if (bound.Capacity is { } capacity) json.WriteNumber(bound.Mechanism, capacity);
                else json.WriteNull(bound.Mechanism);
            }
            json.WriteEndObject();
            // Only when a property could not be checked (table: the "not checked" line): the common case stays as it was.
            if (Unchecked(arch) is { Count: > 0 } notChecked)
            {
                json.WriteStartArray("unchecked");
                foreach (var property in notChecked) json.WriteStringValue(property);
                json.WriteEndArray();
            }
            json.WriteNumber("depth", result.Depth);
            json.WriteNumber("states", result.States);
            json.WriteNumber("transitions", result.Transitions);
            WriteStringOrNull(json, "property", v?.Property);
            WriteStringOrNull(json, "detail", v?.Detail);
            WriteStringOrNull(json, "counterexample", v?.Script);
            if (v is null)
            {
                json.WriteNull("ops");
                json.WriteNull("length");
                json.WriteNull("reproduce");
                json.WriteNull("trace");
            }
            else
            {
                json.WriteStartArray("ops");
                foreach (var op in v.Ops) json.WriteStringValue(op);
                json.WriteEndArray();
                json.WriteNumber("length", v.Ops.Count);
                json.WriteString("reproduce", Reproduce(v, options.Revision, reproduceSuffix));
                json.WriteStartArray("trace");
                foreach (var row in Replay(arch, v, options.Revision)) TraceRowJson.Write(json, row, arch: null);
                json.WriteEndArray();
            }
            if (timing is not null)
            {
                json.WriteStartObject("timing");
                json.WriteNumber("seconds", Math.Round(timing.Seconds, 3));
                json.WriteNumber("states_per_second", timing.StatesPerSecond(result.States));
                json.WriteNumber("peak_memory_mb", timing.PeakMemoryBytes / (1024 * 1024));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
