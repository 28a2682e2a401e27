using LazyMmuGen.Runtime.Reporting;
using System.CommandLine;
using System.Text.Json;
using LazyMmuGen.Checker.Explorer;
using LazyMmuGen.Cli.Output;
using LazyMmuGen.Runtime;
using Spectre.Console;

namespace LazyMmuGen.Cli.Commands;

public static class CheckCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch") { Description = "Arch name, or 'all'.", DefaultValueFactory = _ => "all" };
        var depth = new Option<int>("--depth") { Description = "Longest op sequence to explore.", DefaultValueFactory = _ => 6 };
        var revision = RevisionOption();
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var diff = new Option<string?>("--diff") { Description = "Compare two revisions (final, v3, v2, legacy), e.g. final,v3: shortest sequences whose behaviour differs." };
        var command = new Command("check", "Model-check arches: every op sequence up to --depth against the contract.")
        {
            arch, depth, revision, format, diff,
        };
        command.SetAction(parse =>
        {
            var arches = ArchSelection.Resolve(parse.GetValue(arch)!, Console.Error);
            if (arches is null) return ExitCodes.Usage;
            if (parse.GetValue(depth) is < 1 or > 32)
            {
                Console.Error.WriteLine("error: --depth must be 1..32");
                return ExitCodes.Usage;
            }
            if (parse.GetValue(diff) is { } pair) return DiffCommand.Run(arches, pair, parse.GetValue(depth), parse.GetValue(format)!);
            return Run(arches, parse.GetValue(depth), ParseRevision(parse.GetValue(revision)!), parse.GetValue(format)!);
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

    /// <summary>Violation.Reproduce names no revision; trace runs final unless told otherwise.</summary>
    private static string Reproduce(Violation v, GenericRevision revision) =>
        revision == GenericRevision.Final ? v.Reproduce : $"{v.Reproduce} --revision {RevisionName(revision)}";

    private static int Run(IReadOnlyList<ArchInfo> arches, int depth, GenericRevision revision, string format)
    {
        var results = new List<CheckResult>();
        var started = DateTime.UtcNow;
        if (Console.IsOutputRedirected || format == "json")
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
        if (format == "json")
        {
            foreach (var r in results) Console.Out.WriteLine(JsonSerializer.Serialize(ToJson(r, revision)));
        }
        else
        {
            var table = new TextTable("arch", "result", "depth", "states", "transitions", "property", "counterexample");
            foreach (var r in results)
            {
                table.Add(r.Arch, r.Passed ? "pass" : "FAIL", r.Depth.ToString(), r.States.ToString(), r.Transitions.ToString(),
                    r.Violation?.Property ?? "-", r.Violation?.Script ?? "-");
            }
            Console.Out.Write(table.ToString());
            foreach (var v in results.Select(r => r.Violation).OfType<Violation>())
                Console.Out.WriteLine($"\n{v.Arch}: {v.Property}: {v.Detail}\n  reproduce: {Reproduce(v, revision)}");
            Console.Out.WriteLine($"\nexplored {results.Sum(r => r.States)} states in {seconds:F1} s");
        }
        return results.All(r => r.Passed) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static object ToJson(CheckResult r, GenericRevision revision) => new
    {
        arch = r.Arch,
        passed = r.Passed,
        depth = r.Depth,
        states = r.States,
        transitions = r.Transitions,
        property = r.Violation?.Property,
        detail = r.Violation?.Detail,
        counterexample = r.Violation?.Script,
        reproduce = r.Violation is { } v ? Reproduce(v, revision) : null,
    };
}
