using System.CommandLine;
using LazyMmuGen.Cli.Output;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Cli.Commands;

public static class TraceCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch") { Description = "Arch name, or 'all'.", DefaultValueFactory = _ => "all" };
        var ops = new Option<string>("--ops")
        {
            Description = "Ops separated by ';', e.g. \"enable;set_pte(kind=kernel);disable\".",
            Required = true,
        };
        var format = new Option<string>("--format") { Description = "table or json (one object per op per line).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var strict = new Option<bool>("--strict") { Description = "Refuse misuse calls instead of warn-once + wrap." };
        var revision = CheckCommand.RevisionOption();
        var command = new Command("trace", "Run an op script on a fresh machine (2 CPUs, task 1 on CPU 0) and show each step.")
        {
            arch, ops, format, strict, revision,
        };
        command.SetAction(parse => Run(parse.GetValue(arch)!, parse.GetValue(ops)!, parse.GetValue(format)!, parse.GetValue(strict),
            CheckCommand.ParseRevision(parse.GetValue(revision)!)));
        return command;
    }

    private static int Run(string archName, string script, string format, bool strict, GenericRevision revision)
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
        var arches = ArchSelection.Resolve(archName, Console.Error);
        if (arches is null) return ExitCodes.Usage;
        var options = MachineOptions.Default with { Policy = strict ? MisusePolicy.Strict : MisusePolicy.WarnOnce, Revision = revision };
        foreach (var info in arches)
        {
            var rows = new TraceRunner(info.CreateMachine(options)).Run(ops);
            if (format == "json")
            {
                foreach (var row in rows) Console.Out.WriteLine(TraceJson.Line(info.Name, row));
                continue;
            }
            Console.Out.WriteLine($"== {info.Name} ==");
            Console.Out.Write(TraceTable.Render(rows));
            Console.Out.WriteLine();
        }
        return ExitCodes.Ok;
    }
}
