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
        var arch = new Option<string>("--arch") { Description = "Arch names, comma-separated; 'all' is every arch loaded, the built-ins too unless --no-builtins (default: the given descriptors, else every built-in)." };
        var ops = new Option<string>("--ops")
        {
            Description = "Ops separated by ';', e.g. \"enable;set_pte(kind=kernel);disable\".",
            Required = true,
        };
        var format = new Option<string>("--format") { Description = "table, json (one document: an array of one object per op) or jsonl (one object per line).", DefaultValueFactory = _ => "table" };
        ChoiceOption.Restrict(format, ["table", "json", "jsonl"]);
        var strict = new Option<bool>("--strict") { Description = "Refuse misuse calls instead of warn-once + wrap." };
        var check = new Option<bool>("--check")
        {
            Description = "Also run every check the model checker makes after each op, and say which property the ops break "
                + "(exit 1) or that all hold: what a check counterexample's reproduce line asks for.",
        };
        var revision = CheckCommand.RevisionOption();
        var source = ArchSource.CreateSymbols();
        var command = new Command("trace", "Run an op script on a fresh machine (2 CPUs, task 1 on CPU 0) and show each step. "
            + "Exits 1 when an op hit an arch BUG or was refused.")
        {
            arch, ops, format, strict, check, revision, source.Paths, source.NoBuiltins, source.Project, source.BatchCapacity,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(check) && parse.GetValue(strict))
            {
                // The checker demands only warn-once + wrap after misuse; a strict replay would judge another machine.
                Console.Error.WriteLine("error: --check replays as the model checker runs (warn-once misuse): leave out --strict.");
                return ExitCodes.Usage;
            }
            using var arches = ArchSource.Open(parse, source, Console.Error);
            if (arches is null) return ExitCodes.Usage;
            return Run(arches, parse.GetValue(arch), parse.GetValue(ops)!, parse.GetValue(format)!, parse.GetValue(strict),
                CheckCommand.ParseRevision(parse.GetValue(revision)!), parse.GetValue(check));
        });
        return command;
    }

    private static int Run(ArchSource source, string? archName, string script, string format, bool strict, GenericRevision revision, bool check)
    {
        IReadOnlyList<ScriptOp> ops;
        try
        {
            ops = OpScript.Parse(script, Generator.Parsing.Suggestions.DidYouMean);
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
            var broken = false;
            var verdict = check ? Verdict(info, revision, ops, rows, out broken) : null;
            failed |= broken;
            if (format != "table")
            {
                json.AddRange(rows.Select(row => TraceJson.Line(info.Name, row)));
                // JSON stays one array of rows: the verdict goes to standard error.
                if (verdict is not null) Console.Error.WriteLine(verdict);
                continue;
            }
            // A blank line between arches, none after the last: the output ends as README quotes it.
            if (!ReferenceEquals(info, arches[0])) Console.Out.WriteLine();
            Console.Out.WriteLine($"== {info.Name} ==");
            Console.Out.Write(TraceTable.Render(rows));
            if (verdict is not null) Console.Out.WriteLine(verdict);
        }
        if (format != "table") JsonDocuments.Write(format, json, Console.Out);
        UndeclaredEffects.Warn(Console.Error);
        return failed ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>"check: ..." after the table: the property the ops break, at which op, and what was seen; or that all hold.</summary>
    private static string Verdict(ArchInfo arch, GenericRevision revision, IReadOnlyList<ScriptOp> ops, IReadOnlyList<TraceRow> rows, out bool broken)
    {
        var violation = LazyMmuGen.Checker.ModelChecker.Replay(arch, revision, ops, out var judged);
        broken = violation is not null;
        if (violation is null && judged < ops.Count)
            return $"check: no property breaks up to op {judged} ({ops[judged - 1].Text}), which the machine refused after a misuse: "
                + $"the model checker demands nothing more of such a sequence, so ops {judged + 1}..{ops.Count} are not judged";
        if (violation is null)
        {
            // A refused op breaks no property (it is a no-op), but the trace's exit code is 1 for it: say why, so the
            // verdict and the exit code do not seem to disagree.
            var refused = rows.Select((row, i) => (row, i)).FirstOrDefault(r => r.row.Error is not null);
            var why = refused.row is { } first ? $"; exit 1 because op {refused.i + 1} ({first.Op}) was refused: {first.Error}" : "";
            return $"check: every property the model checker checks holds after each of the {ops.Count} ops{why}";
        }
        // What check reports as "fails as expected" is the same break; say so, as the exit code is 1 either way.
        var expected = arch.ExpectedViolation?.Property == violation.Property ? " (the descriptor's expected-violation)" : "";
        return $"check: op {violation.Ops.Count} ({violation.Ops[^1]}) breaks \"{violation.Property}\"{expected}: {violation.Detail}";
    }
}
