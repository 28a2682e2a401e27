using LazyMmuGen.Runtime.Reporting;
using System.CommandLine;
using System.Text.Json;
using LazyMmuGen.Cli.Output;

namespace LazyMmuGen.Cli.Commands;

public static class ArchesCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format")
        {
            Description = "table (one line per arch), json (one document), jsonl (one object per line) or markdown (the arch-support matrix: mechanisms, callbacks, state).",
            DefaultValueFactory = _ => "table",
        };
        ChoiceOption.Restrict(format, ["table", "json", "jsonl", "markdown"]);
        var source = ArchSource.CreateSymbols();
        var command = new Command("arches", "List the arches: the built-ins, or the given descriptors compiled on the fly.")
        {
            format, source.Paths, source.NoBuiltins, source.Project, source.BatchCapacity,
        };
        command.SetAction(parse =>
        {
            using var available = ArchSource.Open(parse, source, Console.Error);
            if (available is null) return ExitCodes.Usage;
            var arches = available.Select(null, Console.Error)!;
            switch (parse.GetValue(format))
            {
                case "markdown":
                    Console.Out.Write(ArchMatrix.Markdown(arches));
                    return ExitCodes.Ok;
                case "jsonl":
                    JsonDocuments.Write("jsonl", arches.Select(a => CliJson.Serialize(ToJson(a))), Console.Out);
                    return ExitCodes.Ok;
                case "json":
                    Console.Out.WriteLine(JsonSerializer.Serialize(arches.Select(a => ToJson(a)), CliJson.Indented));
                    return ExitCodes.Ok;
            }
            var table = new TextTable("arch", "mechanisms", "pause/resume", "descriptor", "summary");
            foreach (var arch in arches)
            {
                table.Add(arch.Name, arch.Mechanisms.Count == 0 ? "-" : string.Join(", ", arch.Mechanisms),
                    arch.HasDistinctPauseResume ? "distinct" : "leave/enter", arch.DescriptorPath, arch.Summary);
            }
            Console.Out.Write(table.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static object ToJson(LazyMmuGen.Runtime.ArchInfo a) => new
    {
        arch = a.Name, // "arch", as every other command's JSON names it
        type_name = a.TypeName,
        summary = a.Summary,
        mechanisms = a.Mechanisms,
        descriptor = a.DescriptorPath,
        opts_in = a.HasLazyMmuMode,
        distinct_pause_resume = a.HasDistinctPauseResume,
        takes_enable_range = a.TakesEnableRange,
        expected_violation = a.ExpectedViolation?.Property,
    };
}
