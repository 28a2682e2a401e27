using System.CommandLine;
using LazyMmuGen.Cli.Commands;

var root = new RootCommand("lazymmu: run, trace and inspect lazy MMU arches generated from descriptors. With no command, prints every arch's summary trace.")
{
    ArchesCommand.Create(),
    TraceCommand.Create(),
    CheckCommand.Create(),
    SimulateCommand.Create(),
    NewArchCommand.Create(),
    AcceptCommand.Create(),
    SchemaCommand.Create(),
};
root.SetAction(_ => SummaryCommand.Run(Console.Out));
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // System.CommandLine would exit 1; a usage error is 2 here, like every other bad input (README: exit codes).
    UsageErrors.Write(parse, Console.Error);
    return 2;
}
return parse.Invoke();
