using LazyMmuGen.Runtime.Reporting;
using System.CommandLine;
using System.Diagnostics;
using LazyMmuGen.Checker;
using LazyMmuGen.Checker.Reporting;
using LazyMmuGen.Cli.Output;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Cli.Commands;

public static class CheckCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch") { Description = "Arch names, comma-separated; 'all' is every arch loaded, the built-ins too unless --no-builtins (default: the given descriptors, else every built-in)." };
        var depth = WholeNumberOption.Create("--depth", 1, 32, 6, "Longest op sequence to explore ({range}).");
        var revision = RevisionOption();
        var format = new Option<string>("--format")
        {
            Description = "table, json (one document: an array of one object per arch, a counterexample with its ops, reproduce line and trace) or jsonl (one object per line).",
            DefaultValueFactory = _ => "table",
        };
        ChoiceOption.Restrict(format, ["table", "json", "jsonl"]);
        var noTiming = new Option<bool>("--no-timing") { Description = "Leave out what varies between runs: json's \"timing\" objects and the table's time, rate and memory." };
        var progress = new Option<bool>("--progress") { Description = "Print progress to stderr even when it is not a terminal: one line per depth (on a terminal it is one updating line)." };
        var threads = WholeNumberOption.CreateOptional("--threads", 1, int.MaxValue, "Threads that expand each depth, {range} (default: every core). The results are the same for any count.");
        var noSymmetry = new Option<bool>("--no-symmetry")
        {
            Description = "Key every state as it is: do not identify states that differ only by which CPU is which (docs/checker.md#symmetry).",
        };
        var diff = new Option<string?>("--diff") { Description = "Compare two revisions (final, v3, v2, legacy), e.g. final,v3: shortest sequences whose behaviour differs." };
        var source = ArchSource.CreateSymbols();
        var command = new Command("check", "Model-check arches: every op sequence up to --depth against the contract.")
        {
            arch, depth, revision, format, noTiming, progress, threads, noSymmetry, diff, source.Paths, source.NoBuiltins, source.Project, source.BatchCapacity,
        };
        command.SetAction(parse =>
        {
            using var available = ArchSource.Open(parse, source, Console.Error);
            if (available is null) return ExitCodes.Usage;
            var arches = available.Select(parse.GetValue(arch), Console.Error);
            if (arches is null) return ExitCodes.Usage;
            if (parse.GetValue(diff) is { } pair)
            {
                // A diff runs both revisions it names over the small revision alphabet, one thread, no symmetry:
                // these options would change nothing, and saying nothing would let a user believe they did.
                if (IgnoredOptions.Refusal(parse, "--diff",
                        (revision, "it names both revisions itself"), (progress, "it prints no progress"),
                        (threads, "it explores on one thread"), (noSymmetry, "it never reduces by symmetry")) is { } refusal)
                {
                    Console.Error.WriteLine("error: " + refusal);
                    return ExitCodes.Usage;
                }
                return DiffCommand.Run(arches, pair, parse.GetValue(depth), parse.GetValue(format)!, available.CommandSuffix);
            }
            var options = new CheckOptions
            {
                Depth = parse.GetValue(depth),
                Revision = ParseRevision(parse.GetValue(revision)!),
                MaxThreads = parse.GetValue(threads),
                Symmetry = !parse.GetValue(noSymmetry),
            };
            return Run(arches, options, parse.GetValue(format)!, available.CommandSuffix, timing: !parse.GetValue(noTiming), parse.GetValue(progress),
                parse.GetValue(source.BatchCapacity));
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
        ChoiceOption.Restrict(revision, RevisionNames);
        return revision;
    }

    public static GenericRevision ParseRevision(string text) => text switch
    {
        "v3" => GenericRevision.V3,
        "v2" => GenericRevision.V2,
        "legacy" => GenericRevision.Legacy,
        _ => GenericRevision.Final,
    };

    public static string RevisionName(GenericRevision revision) => CheckReport.RevisionName(revision);

    private static int Run(IReadOnlyList<ArchInfo> arches, CheckOptions options, string format, string suffix, bool timing, bool askedForProgress, int? batchCapacity)
    {
        var results = new List<CheckResult>();
        var timings = new List<CheckTiming>();
        var started = Stopwatch.StartNew();
        // Progress goes to stderr: live on a terminal, per-depth lines when asked, nothing otherwise (logs, tests).
        using (var progress = CheckProgressDisplay.Create(askedForProgress, arches.Select(a => a.Name).ToList()))
        {
            for (var i = 0; i < arches.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                results.Add(ModelChecker.Check(arches[i], progress?.Begin(i, options) ?? options));
                // Throughput and the peak working set: what the checker's speed and memory targets are read from.
                timings.Add(new CheckTiming(clock.Elapsed.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64));
                progress?.End(i);
            }
        }
        var seconds = started.Elapsed.TotalSeconds;
        var outcomes = results.Select((r, i) => new CheckOutcome(r, arches[i].ExpectedViolation)).ToList();
        if (format != "table")
        {
            JsonDocuments.Write(format, results.Select((r, i) => CheckReport.Json(arches[i], options, r, suffix, timing ? timings[i] : null)), Console.Out);
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
            // Under the table as well, so a pass is never read as one at the descriptors' own sizes.
            if (batchCapacity is { } capacity) Console.Out.WriteLine("\n" + ArchSource.ScopeLine(arches, capacity));
            // A property that could not be checked is said, not left to be read as passed.
            if (UnboundedBatching(arches) is { Count: > 0 } unbounded)
                Console.Out.WriteLine($"\nbatching is real: not checked for {string.Join(", ", unbounded)}: its callbacks do work but none of its mechanisms "
                    + "declares 'batching:' (docs/mechanisms.md#batching)");
            foreach (var o in outcomes)
            {
                if (o.Result.Violation is { } v)
                    Console.Out.WriteLine($"\n{v.Arch}: {v.Property}: {v.Detail}\n  reproduce: {CheckReport.Reproduce(v, options.Revision, suffix)}");
                if (o.Note is { } note) Console.Out.WriteLine((o.Result.Violation is null ? "\n" : "  ") + note);
            }
            var states = results.Sum(r => r.States);
            if (!timing)
            {
                Console.Out.WriteLine($"\nexplored {states} states");
            }
            else
            {
                var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
                Console.Out.WriteLine($"\nexplored {states} states in {seconds:F1} s ({states / Math.Max(seconds, 0.001):F0} states/s, peak memory {peakMb} MB)");
            }
        }
        UndeclaredEffects.Warn(Console.Error);
        // 0 when every arch does what its descriptor declares: passes, or fails exactly as expected.
        return outcomes.All(o => o.AsDeclared) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>Arches for which "batching is real" has no bound to check against (<see cref="CheckReport.Unchecked"/>).</summary>
    public static IReadOnlyList<string> UnboundedBatching(IEnumerable<ArchInfo> arches) => arches
        .Where(a => CheckReport.Unchecked(a).Count > 0)
        .Select(a => a.Name)
        .ToList();
}
