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
// The parser lets --version swallow what follows it ("--version extra" printed the version and exited 0) and words
// the other order its own way, so a typo next to it would go unseen or be told in other words than every other error.
var version = root.Options.OfType<VersionOption>().First();
if (parse.GetResult(version) is not null && parse.Tokens.Count(t => t.Value != "--version") is > 0)
{
    var others = parse.Tokens.Where(t => t.Value != "--version").Select(t => t.Value);
    Console.Error.WriteLine($"error: --version takes nothing else, got '{string.Join(" ", others)}'. Run 'lazymmu --version' alone.");
    return 2;
}
if (parse.Errors.Count > 0)
{
    // System.CommandLine would exit 1; a usage error is 2 here, like every other bad input (README: exit codes).
    UsageErrors.Write(parse, Console.Error);
    return 2;
}
return parse.Invoke();
