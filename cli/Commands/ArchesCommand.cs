using LazyMmuGen.Runtime.Reporting;
using System.CommandLine;
using LazyMmuGen.Arches;
using LazyMmuGen.Cli.Output;

namespace LazyMmuGen.Cli.Commands;

public static class ArchesCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format")
        {
            Description = "table (one line per arch) or markdown (the arch-support matrix: mechanisms, callbacks, state).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "markdown");
        var command = new Command("arches", "List the arches generated from descriptors.") { format };
        command.SetAction(parse =>
        {
            if (parse.GetValue(format) == "markdown")
            {
                Console.Out.Write(ArchMatrix.Markdown(LazyMmuArchRegistry.All));
                return ExitCodes.Ok;
            }
            var table = new TextTable("arch", "mechanisms", "pause/resume", "descriptor", "summary");
            foreach (var arch in LazyMmuArchRegistry.All)
            {
                table.Add(arch.Name, arch.Mechanisms.Count == 0 ? "-" : string.Join(", ", arch.Mechanisms),
                    arch.HasDistinctPauseResume ? "distinct" : "leave/enter", arch.DescriptorPath, arch.Summary);
            }
            Console.Out.Write(table.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }
}
