using System.CommandLine;
using LazyMmuGen.Simulator;
using LazyMmuGen.Simulator.Costs;
using LazyMmuGen.Simulator.Output;
using LazyMmuGen.Simulator.Workloads;

namespace LazyMmuGen.Cli.Commands;

/// <summary>`lazymmu simulate`: kernel-caller workloads per arch and mode, with effect counts and estimated cycles.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch") { Description = "Arch names, comma-separated, or 'all' (default: the given descriptors, else every built-in)." };
        var workload = new Option<string>("--workload")
        {
            Description = $"Workload: {string.Join(", ", WorkloadCatalog.All.Select(w => w.Name))}, or 'all'.",
            DefaultValueFactory = _ => "all",
        };
        var size = new Option<int>("--size") { Description = "Ptes per workload.", DefaultValueFactory = _ => WorkloadCatalog.DefaultSize };
        var mode = new Option<string>("--mode") { Description = "Comma-separated modes: eager, legacy, final, v3, v2; or 'all' (eager, legacy, final, v3).", DefaultValueFactory = _ => "all" };
        var costs = new Option<FileInfo?>("--costs") { Description = "A JSON file holding one object of effect name → cycles that overrides single defaults, e.g. {\"dsb\": 40}." };
        var format = new Option<string>("--format") { Description = "table, json (one document), jsonl (one object per line), csv or svg.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong([.. ResultWriter.Formats]);
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var source = ArchSource.CreateSymbols();
        var command = new Command("simulate", "Run kernel-caller workloads on each arch in every mode: effect counts, estimated cycles, ratio to eager.")
        {
            arch, workload, size, mode, costs, format, output, source.Paths, source.NoBuiltins, source.Project,
        };
        command.SetAction(parse =>
        {
            using var available = ArchSource.Open(parse, source, Console.Out, Console.Error);
            if (available is null) return ExitCodes.Usage;
            return Run(available, parse.GetValue(arch), parse.GetValue(workload)!, parse.GetValue(size), parse.GetValue(mode)!,
                parse.GetValue(costs), parse.GetValue(format)!, parse.GetValue(output));
        });
        return command;
    }

    private static int Run(ArchSource source, string? archName, string workloadName, int size, string modeList, FileInfo? costFile, string format, FileInfo? output)
    {
        var arches = source.Select(archName, Console.Error);
        if (arches is null) return ExitCodes.Usage;
        IReadOnlyList<IWorkload> workloads = workloadName == "all" ? WorkloadCatalog.All
            : WorkloadCatalog.Find(workloadName) is { } one ? [one] : [];
        if (workloads.Count == 0) return Usage($"unknown workload '{workloadName}'. Workloads: {string.Join(", ", WorkloadCatalog.All.Select(w => w.Name))}, or 'all'.");
        if (size is < 1 or > 1 << 16) return Usage("--size must be 1..65536");
        var modes = SimModes.Parse(modeList, out var modeError);
        if (modes is null) return Usage(modeError!);
        CostTable table;
        try
        {
            table = costFile is null ? CostTable.Default : CostTableFile.Load(costFile.FullName, CostTable.Default);
        }
        catch (CostTableException e)
        {
            return Usage(e.Message);
        }
        var results = SimulationRunner.Run(new SimulationRequest(arches, workloads, modes, size, table));
        if (output is null)
        {
            ResultWriter.Write(format, results, Console.Out);
            return ExitCodes.Ok;
        }
        using (var writer = new StreamWriter(output.FullName)) ResultWriter.Write(format, results, writer);
        Console.Error.WriteLine($"wrote {results.Count} results ({format}) to {output.FullName}");
        return ExitCodes.Ok;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return ExitCodes.Usage;
    }
}
