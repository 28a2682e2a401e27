using System.CommandLine;
using LazyMmuGen.Cli.Commands;

var root = new RootCommand("lazymmu: run, trace and inspect lazy MMU arches generated from descriptors. With no command, prints every arch's summary trace.")
{
    ArchesCommand.Create(),
    TraceCommand.Create(),
    CheckCommand.Create(),
    SimulateCommand.Create(),
    NewArchCommand.Create(),
};
root.SetAction(_ => SummaryCommand.Run(Console.Out));
return root.Parse(args).Invoke();
