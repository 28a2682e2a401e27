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
// The parser lets --version swallow anything after it ("--version extra" printed the version and exited 0), so a
// typo next to it would go unseen.
if (root.Options.OfType<VersionOption>().FirstOrDefault() is { } version && parse.GetResult(version) is not null && parse.UnmatchedTokens.Count > 0)
{
    Console.Error.WriteLine($"error: --version takes nothing else, got '{string.Join(" ", parse.UnmatchedTokens)}'. Run 'lazymmu --version' alone.");
    return 2;
}
return parse.Invoke();
