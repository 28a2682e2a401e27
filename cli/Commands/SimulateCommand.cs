using LazyMmuGen.Cli.Output;
using System.CommandLine;
using LazyMmuGen.Generator.Parsing;
using LazyMmuGen.Runtime.Reporting;
using LazyMmuGen.Runtime.Scripting;
using LazyMmuGen.Simulator;
using LazyMmuGen.Simulator.Calibration;
using LazyMmuGen.Simulator.Costs;
using LazyMmuGen.Simulator.Output;
using LazyMmuGen.Simulator.Workloads;

namespace LazyMmuGen.Cli.Commands;

/// <summary>
/// `lazymmu simulate`: kernel-caller workloads per arch and mode, with effect counts and estimated cycles from a cost
/// profile; `--calibration` compares the calibrated profiles with the published measurement they were fitted to.
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch") { Description = "Arch names, comma-separated; 'all' is every arch loaded, the built-ins too unless --no-builtins (default: the given descriptors, else every built-in)." };
        var workload = new Option<string>("--workload")
        {
            Description = $"Comma-separated workloads: {string.Join(", ", WorkloadCatalog.All.Select(w => w.Name))}; or 'all'.",
            DefaultValueFactory = _ => "all",
        };
        var size = WholeNumberOption.Create("--size", 1, 1 << 16, WorkloadCatalog.DefaultSize, "Ptes per workload (pages per call for test-vmalloc-fix-size), {range}.");
        var mode = new Option<string>("--mode") { Description = "Comma-separated modes: eager, legacy, final, v3, v2; or 'all' (eager, legacy, final, v3).", DefaultValueFactory = _ => "all" };
        var profile = new Option<string?>("--profile")
        {
            Description = $"Cost profile: {string.Join(", ", CostProfiles.Names)}, or the path of a profile file (default: default; with --calibration: every calibrated profile).",
        };
        var costs = PathOption.Create("--costs", "A JSON file holding one object of entry name → cycles that overrides single entries of the profile, e.g. {\"dsb\": 40, \"base_page\": 120}.");
        var calibration = new Option<bool>("--calibration")
        {
            Description = "Print each calibrated profile's published measurement beside the model's numbers (fitted and predicted sizes, residuals) instead of running workloads; --format svg draws it.",
        };
        var format = new Option<string>("--format") { Description = "table, json (one document), jsonl (one object per line), csv or svg.", DefaultValueFactory = _ => "table" };
        ChoiceOption.Restrict(format, [.. ResultWriter.Formats]);
        var output = PathOption.Create("--out", "Write to this file instead of standard output.");
        var source = ArchSource.CreateSymbols();
        var command = new Command("simulate", "Run kernel-caller workloads on each arch in every mode: effect counts, estimated cycles, ratio to eager.")
        {
            arch, workload, size, mode, profile, costs, calibration, format, output, source.Paths, source.NoBuiltins, source.Project, source.BatchCapacity,
        };
        command.SetAction(parse =>
        {
            // A calibration replays each profile's published measurement with its own arch, workload, sizes and modes:
            // these options would change nothing, and saying nothing would let a user believe they did. Refused before
            // any descriptor is compiled.
            var calibrate = parse.GetValue(calibration);
            if (calibrate && IgnoredOptions.Refusal(parse, "--calibration",
                    (arch, "each profile names the arch it was measured on"), (workload, "each profile names its workload"),
                    (size, "each profile names the sizes it was measured at"), (mode, "each profile names the modes it compares"),
                    (source.BatchCapacity, "it prices the arch as described, never a checking build")) is { } refusal)
                return Usage(refusal);
            using var available = ArchSource.Open(parse, source, Console.Error);
            if (available is null) return ExitCodes.Usage;
            var options = new Options(parse.GetValue(arch), parse.GetValue(workload)!, parse.GetValue(size), parse.GetValue(mode)!,
                parse.GetValue(profile), parse.GetValue(costs), parse.GetValue(format)!, parse.GetValue(output));
            return calibrate ? Calibrate(available, options) : Run(available, options);
        });
        return command;
    }

    /// <summary>"all" or a comma-separated list, as --mode and --arch take; null with a message naming the nearest workload.</summary>
    private static IReadOnlyList<IWorkload>? Workloads(string text, out string? error)
    {
        error = null;
        var names = WorkloadCatalog.All.Select(w => w.Name).ToList();
        var known = $"Workloads: {string.Join(", ", names)}, or 'all'.";
        if (NameList.Split(text, "--workload", "unmap,fork", out error) is not { } parts)
        {
            error += " " + known;
            return null;
        }
        var workloads = NameList.Resolve(parts, WorkloadCatalog.All, w => w.Name, WorkloadCatalog.All, out var unknown);
        if (workloads is null) error = $"unknown workload '{unknown}'.{Suggestions.DidYouMean(unknown!, names.Append(NameList.All))} {known}";
        return workloads;
    }

    private sealed record Options(string? Arch, string Workload, int Size, string Modes, string? Profile, string? Costs, string Format, string? Output);

    private static int Run(ArchSource source, Options o)
    {
        var arches = source.Select(o.Arch, Console.Error);
        if (arches is null) return ExitCodes.Usage;
        var workloads = Workloads(o.Workload, out var workloadError);
        if (workloads is null) return Usage(workloadError!);
        var modes = SimModes.Parse(o.Modes, out var modeError, Suggestions.DidYouMean);
        if (modes is null) return Usage(modeError!);
        CostTable table;
        try
        {
            table = Table(CostProfiles.Resolve(o.Profile ?? CostProfiles.DefaultName, Suggestions.DidYouMean), o.Costs);
        }
        catch (CostTableException e)
        {
            return Usage(e.Message);
        }
        var results = SimulationRunner.Run(new SimulationRequest(arches, workloads, modes, o.Size, table));
        UndeclaredEffects.Warn(Console.Error);
        var written = Write(o, Count(results.Count, "result"), writer => ResultWriter.Write(o.Format, results, writer));
        return written == ExitCodes.Ok ? Threw(results, Console.Error) : written;
    }

    /// <summary>
    /// Exit 1 when arch code threw in any run: a BUG is a modelled kernel outcome and one of the results (README,
    /// "Exit codes"), but an exception is a defect in the arch's code, which a script running simulate must not miss.
    /// </summary>
    private static int Threw(IReadOnlyList<SimulationResult> results, TextWriter error)
    {
        var threw = results.Where(r => r.Notes.Any(n => n.StartsWith(TraceRunner.ThrewPrefix, StringComparison.Ordinal))).ToList();
        if (threw.Count == 0) return ExitCodes.Ok;
        var first = threw[0];
        error.WriteLine($"error: arch code threw in {threw.Count} of {results.Count} runs ({string.Join(", ", threw.Take(3).Select(r => $"{r.Arch} {r.Workload} {r.Mode.Name()}"))}{(threw.Count > 3 ? ", ..." : "")}); "
            + $"the first: {first.Notes.First(n => n.StartsWith(TraceRunner.ThrewPrefix, StringComparison.Ordinal))}.");
        return ExitCodes.Failed;
    }

    private static int Calibrate(ArchSource source, Options o)
    {
        IReadOnlyList<CalibrationResult> results;
        try
        {
            var profiles = o.Profile is null ? CalibrationRunner.CalibratedBuiltins() : [CostProfiles.Resolve(o.Profile, Suggestions.DidYouMean)];
            results = profiles.Select(p => CalibrationRunner.Run(p, Table(p, o.Costs), name => source.Available.FirstOrDefault(a => a.Name == name))).ToList();
        }
        catch (CostTableException e)
        {
            return Usage(e.Message);
        }
        return Write(o, Count(results.Count, "calibrated profile"), writer => CalibrationReport.Write(o.Format, results, writer));
    }

    private static CostTable Table(CostProfile profile, string? costFile) =>
        costFile is null ? profile.Table : CostTableFile.Load(Path.GetFullPath(costFile), profile.Table);

    /// <summary>"1 result", "8 results": what the "wrote" line counts.</summary>
    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static int Write(Options o, string count, Action<TextWriter> write)
    {
        if (o.Output is null)
        {
            write(Console.Out);
            return ExitCodes.Ok;
        }
        var opened = OutputFile.Open(Path.GetFullPath(o.Output), $"--out {o.Output}", createNew: false, out var error);
        if (opened is null) return Usage(error!);
        using (var writer = opened) write(writer);
        Console.Error.WriteLine($"wrote {count} ({o.Format}) to {Path.GetFullPath(o.Output)}");
        return ExitCodes.Ok;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return ExitCodes.Usage;
    }
}
