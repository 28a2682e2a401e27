using LazyMmuGen.Runtime.Reporting;
using System.Text.Json;
using LazyMmuGen.Checker.Diff;
using LazyMmuGen.Cli.Output;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Cli.Commands;

/// <summary>`check --diff final,v3`: shortest sequences whose behaviour differs, grouped by kind.</summary>
public static class DiffCommand
{
    public static int Run(IReadOnlyList<ArchInfo> arches, string pair, int depth, string format)
    {
        var names = pair.Split(',');
        if (names.Length != 2 || names.Any(n => !CheckCommand.RevisionNames.Contains(n)))
        {
            Console.Error.WriteLine($"error: --diff expects two of {string.Join(", ", CheckCommand.RevisionNames)} separated by a comma, e.g. final,v3 (got '{pair}')");
            return ExitCodes.Usage;
        }
        var left = CheckCommand.ParseRevision(names[0]);
        var right = CheckCommand.ParseRevision(names[1]);
        var json = new List<string>();
        foreach (var arch in arches)
        {
            var differences = RevisionDiffer.Diff(arch, left, right, depth);
            if (format != "table")
            {
                json.AddRange(differences.Select(d => CliJson.Serialize(new
                {
                    arch = arch.Name, left_revision = names[0], right_revision = names[1], kind = d.Kind, aspect = d.Aspect, ops = d.Script, left = d.Left, right = d.Right,
                })));
                continue;
            }
            Console.Out.WriteLine($"== {arch.Name}: {names[0]} vs {names[1]}, depth {depth}: {differences.Count} differences of {differences.Select(d => d.Kind).Distinct().Count()} kinds ==");
            var table = new TextTable("kind", "differs in", "shortest sequence", names[0], names[1]);
            foreach (var d in differences) table.Add(d.Kind, d.Aspect, d.Script, d.Left, d.Right);
            Console.Out.Write(table.ToString());
            Console.Out.WriteLine();
        }
        if (format != "table") JsonDocuments.Write(format, json, Console.Out);
        return ExitCodes.Ok;
    }
}
