using LazyMmuGen.Arches;
using LazyMmuGen.Cli.Output;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Cli.Commands;

/// <summary>No arguments: the seed's summary trace for every built-in arch, checked against the contract.</summary>
public static class SummaryCommand
{
    public static int Run(TextWriter output)
    {
        var failures = 0;
        foreach (var arch in LazyMmuArchRegistry.All)
        {
            var machine = arch.CreateMachine(MachineOptions.Default);
            var rows = new TraceRunner(machine).Run(OpScript.Parse(SeedSummary.Script)).ToList();
            var problem = SeedSummary.Check(rows, arch);
            var mechanisms = arch.Mechanisms.Count == 0 ? "no mechanisms" : string.Join(", ", arch.Mechanisms);
            output.WriteLine($"== {arch.Name} ({mechanisms}) ==");
            output.Write(TraceTable.Render(rows));
            output.WriteLine(problem is null ? "matches the summary trace of docs/contract.md §4" : "MISMATCH: " + problem);
            output.WriteLine();
            if (problem is not null) failures++;
        }
        return failures == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
