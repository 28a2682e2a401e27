using System.CommandLine;
using LazyMmuGen.Cli.Output;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Reporting;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Cli.Commands;

public static class TraceCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch") { Description = "Arch names, comma-separated, or 'all' (default: the given descriptors, else every built-in)." };
        var ops = new Option<string>("--ops")
        {
            Description = "Ops separated by ';', e.g. \"enable;set_pte(kind=kernel);disable\".",
            Required = true,
        };
        var format = new Option<string>("--format") { Description = "table, json (one document: an array of one object per op) or jsonl (one object per line).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "jsonl");
        var strict = new Option<bool>("--strict") { Description = "Refuse misuse calls instead of warn-once + wrap." };
        var revision = CheckCommand.RevisionOption();
        var source = ArchSource.CreateSymbols();
        var command = new Command("trace", "Run an op script on a fresh machine (2 CPUs, task 1 on CPU 0) and show each step. "
            + "Exits 1 when an op hit an arch BUG or was refused.")
        {
            arch, ops, format, strict, revision, source.Paths, source.NoBuiltins, source.Project, source.BatchCapacity,
        };
        command.SetAction(parse =>
        {
            using var arches = ArchSource.Open(parse, source, Console.Out, Console.Error);
            if (arches is null) return ExitCodes.Usage;
            return Run(arches, parse.GetValue(arch), parse.GetValue(ops)!, parse.GetValue(format)!, parse.GetValue(strict),
                CheckCommand.ParseRevision(parse.GetValue(revision)!));
        });
        return command;
    }

    private static int Run(ArchSource source, string? archName, string script, string format, bool strict, GenericRevision revision)
    {
        IReadOnlyList<ScriptOp> ops;
        try
        {
            ops = OpScript.Parse(script);
        }
        catch (ScriptException e)
        {
            Console.Error.WriteLine($"error: {e.Message} (column {e.Column} of --ops)");
            Console.Error.WriteLine("  " + script);
            Console.Error.WriteLine("  " + new string(' ', Math.Max(0, e.Column - 1)) + "^");
            return ExitCodes.Usage;
        }
        var arches = source.Select(archName, Console.Error);
        if (arches is null) return ExitCodes.Usage;
        var options = MachineOptions.Default with { Policy = strict ? MisusePolicy.Strict : MisusePolicy.WarnOnce, Revision = revision };
        var failed = false;
        var json = new List<string>();
        foreach (var info in arches)
        {
            var rows = new TraceRunner(info.CreateMachine(options)).Run(ops).ToList();
            failed |= rows.Any(r => r.Error is not null);
            if (format != "table")
            {
                json.AddRange(rows.Select(row => TraceJson.Line(info.Name, row)));
                continue;
            }
            Console.Out.WriteLine($"== {info.Name} ==");
            Console.Out.Write(TraceTable.Render(rows));
            Console.Out.WriteLine();
        }
        if (format != "table") JsonDocuments.Write(format, json, Console.Out);
        return failed ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
