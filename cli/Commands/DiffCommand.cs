using LazyMmuGen.Runtime.Reporting;
using System.Text.Json;
using LazyMmuGen.Checker.Diff;
using LazyMmuGen.Checker.Reporting;
using LazyMmuGen.Cli.Output;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Cli.Commands;

/// <summary>`check --diff final,v3`: shortest sequences whose behaviour differs, grouped by kind.</summary>
public static class DiffCommand
{
    public static int Run(IReadOnlyList<ArchInfo> arches, string pair, int depth, string format, string commandSuffix = "")
    {
        var names = pair.Split(',');
        if (names.Length != 2 || names.Any(n => !CheckCommand.RevisionNames.Contains(n)) || names[0] == names[1])
        {
            // Which part is wrong: a pair has two names, and "got 'final,v9'" alone leaves the user to find the unknown one.
            var hints = names.Select((n, i) => n.Trim().Length == 0 ? $" Item {i + 1} of {names.Length} is empty."
                : CheckCommand.RevisionNames.Contains(n) ? ""
                : $" '{n}' is not a revision.{Generator.Parsing.Suggestions.DidYouMean(n, CheckCommand.RevisionNames)}");
            var hint = string.Concat(hints);
            if (hint.Length == 0 && names.Length == 2 && names[0] == names[1]) hint = $" Both are '{names[0]}'.";
            Console.Error.WriteLine($"error: --diff expects two different revisions of {string.Join(", ", CheckCommand.RevisionNames)} separated by a comma, e.g. final,v3 (got '{pair}').{hint}");
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
                json.AddRange(differences.Select(d => Json(arch.Name, names, d, commandSuffix)));
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

    /// <summary>
    /// One difference: the ops as a list and as a script, and what each revision did at the last op as a trace row
    /// object (trace --format json's shape), so a reader compares fields instead of parsing the table's text.
    /// </summary>
    private static string Json(string arch, string[] names, Difference d, string commandSuffix)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, CliJson.Writer))
        {
            json.WriteStartObject();
            json.WriteString("arch", arch);
            json.WriteString("left_revision", names[0]);
            json.WriteString("right_revision", names[1]);
            json.WriteString("kind", d.Kind);
            json.WriteStartArray("aspects");
            foreach (var aspect in d.Aspect.Split('+')) json.WriteStringValue(aspect);
            json.WriteEndArray();
            json.WriteStartArray("ops");
            foreach (var op in d.Ops) json.WriteStringValue(op);
            json.WriteEndArray();
            json.WriteString("script", d.Script);
            // One replay per side: the same ops under each revision.
            json.WriteString("reproduce", $"lazymmu trace --arch {arch} --revision {names[0]} --ops \"{d.Script}\"{commandSuffix}");
            json.WriteString("reproduce_right", $"lazymmu trace --arch {arch} --revision {names[1]} --ops \"{d.Script}\"{commandSuffix}");
            json.WritePropertyName("left");
            TraceRowJson.Write(json, d.LeftRow!, arch: null);
            json.WritePropertyName("right");
            TraceRowJson.Write(json, d.RightRow!, arch: null);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
