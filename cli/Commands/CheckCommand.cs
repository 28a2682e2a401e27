using LazyMmuGen.Runtime.Reporting;
using System.CommandLine;
using System.Text.Json;
using LazyMmuGen.Checker;
using LazyMmuGen.Cli.Output;
using LazyMmuGen.Runtime;
using Spectre.Console;

namespace LazyMmuGen.Cli.Commands;

public static class CheckCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch") { Description = "Arch names, comma-separated, or 'all' (default: the given descriptors, else every built-in)." };
        var depth = new Option<int>("--depth") { Description = "Longest op sequence to explore.", DefaultValueFactory = _ => 6 };
        var revision = RevisionOption();
        var format = new Option<string>("--format") { Description = "table, json (one document) or jsonl (one object per line).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "jsonl");
        var diff = new Option<string?>("--diff") { Description = "Compare two revisions (final, v3, v2, legacy), e.g. final,v3: shortest sequences whose behaviour differs." };
        var source = ArchSource.CreateSymbols();
        var command = new Command("check", "Model-check arches: every op sequence up to --depth against the contract.")
        {
            arch, depth, revision, format, diff, source.Paths, source.NoBuiltins, source.Project,
        };
        command.SetAction(parse =>
        {
            using var available = ArchSource.Open(parse, source, Console.Out, Console.Error);
            if (available is null) return ExitCodes.Usage;
            var arches = available.Select(parse.GetValue(arch), Console.Error);
            if (arches is null) return ExitCodes.Usage;
            if (parse.GetValue(depth) is < 1 or > 32)
            {
                Console.Error.WriteLine("error: --depth must be 1..32");
                return ExitCodes.Usage;
            }
            if (parse.GetValue(diff) is { } pair) return DiffCommand.Run(arches, pair, parse.GetValue(depth), parse.GetValue(format)!);
            return Run(arches, parse.GetValue(depth), ParseRevision(parse.GetValue(revision)!), parse.GetValue(format)!, available.CommandSuffix);
        });
        return command;
    }

    /// <summary>The CLI's names of the generic layer revisions, in the order help text lists them.</summary>
    public static readonly string[] RevisionNames = ["final", "v3", "v2", "legacy"];

    /// <summary>--revision as check and trace take it.</summary>
    public static Option<string> RevisionOption()
    {
        var revision = new Option<string>("--revision")
        {
            Description = "Generic layer revision: final, v3, v2 (seed v2 state-passing) or legacy.",
            DefaultValueFactory = _ => "final",
        };
        revision.AcceptOnlyFromAmong(RevisionNames);
        return revision;
    }

    public static GenericRevision ParseRevision(string text) => text switch
    {
        "v3" => GenericRevision.V3,
        "v2" => GenericRevision.V2,
        "legacy" => GenericRevision.Legacy,
        _ => GenericRevision.Final,
    };

    public static string RevisionName(GenericRevision revision) => revision.ToString().ToLowerInvariant();

    /// <summary>
    /// Violation.Reproduce names no revision and no descriptor; trace runs final on the built-ins unless told
    /// otherwise, so both are added for the line to run as printed.
    /// </summary>
    private static string Reproduce(Violation v, GenericRevision revision, string suffix) =>
        v.Reproduce + (revision == GenericRevision.Final ? "" : $" --revision {RevisionName(revision)}") + suffix;

    private static int Run(IReadOnlyList<ArchInfo> arches, int depth, GenericRevision revision, string format, string suffix)
    {
        var results = new List<CheckResult>();
        var started = DateTime.UtcNow;
        if (Console.IsOutputRedirected || format != "table")
        {
            foreach (var arch in arches) results.Add(ModelChecker.Check(arch, new CheckOptions { Depth = depth, Revision = revision }));
        }
        else
        {
            AnsiConsole.Progress().Start(progress =>
            {
                foreach (var arch in arches)
                {
                    var task = progress.AddTask($"{arch.Name} (depth {depth})", maxValue: depth);
                    results.Add(ModelChecker.Check(arch, new CheckOptions
                    {
                        Depth = depth,
                        Revision = revision,
                        Progress = (d, _, _) => task.Value = d,
                    }));
                    task.Value = depth;
                }
            });
        }
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        var outcomes = results.Select((r, i) => new CheckOutcome(r, arches[i].ExpectedViolation)).ToList();
        if (format != "table")
        {
            JsonDocuments.Write(format, outcomes.Select(o => CliJson.Serialize(ToJson(o, revision, suffix))), Console.Out);
        }
        else
        {
            var table = new TextTable("arch", "result", "depth", "states", "transitions", "property", "counterexample");
            foreach (var o in outcomes)
            {
                var r = o.Result;
                table.Add(r.Arch, o.Label, r.Depth.ToString(), r.States.ToString(), r.Transitions.ToString(),
                    r.Violation?.Property ?? "-", r.Violation?.Script ?? "-");
            }
            Console.Out.Write(table.ToString());
            foreach (var o in outcomes)
            {
                if (o.Result.Violation is { } v)
                    Console.Out.WriteLine($"\n{v.Arch}: {v.Property}: {v.Detail}\n  reproduce: {Reproduce(v, revision, suffix)}");
                if (o.Note is { } note) Console.Out.WriteLine((o.Result.Violation is null ? "\n" : "  ") + note);
            }
            var states = results.Sum(r => r.States);
            // Throughput and the peak working set: what the checker's speed and memory targets are read from.
            var peakMb = System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
            Console.Out.WriteLine($"\nexplored {states} states in {seconds:F1} s ({states / Math.Max(seconds, 0.001):F0} states/s, peak memory {peakMb} MB)");
        }
        // 0 when every arch does what its descriptor declares: passes, or fails exactly as expected.
        return outcomes.All(o => o.AsDeclared) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static object ToJson(CheckOutcome o, GenericRevision revision, string suffix) => ToJson(o.Result, o, revision, suffix);

    private static object ToJson(CheckResult r, CheckOutcome o, GenericRevision revision, string suffix) => new
    {
        arch = r.Arch,
        revision = RevisionName(revision),
        outcome = o.Kind,
        as_declared = o.AsDeclared,
        expected_violation = o.Expected?.Property,
        passed = r.Passed,
        depth = r.Depth,
        states = r.States,
        transitions = r.Transitions,
        property = r.Violation?.Property,
        detail = r.Violation?.Detail,
        counterexample = r.Violation?.Script,
        reproduce = r.Violation is { } v ? Reproduce(v, revision, suffix) : null,
    };
}
