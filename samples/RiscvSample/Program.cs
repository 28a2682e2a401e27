// RiscvSample: an arch added outside the LazyMmuGen repository by a descriptor alone
// (riscv-sfence.arch.yaml), through the LazyMmuGen.Generator, .Runtime and .Checker packages.
// Runs the seed's summary trace and the model checker on it; exits 1 if either fails.
using LazyMmuGen.Checker;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;
using RiscvSample.Arches;

const string ArchName = "riscv-sfence";
const int Depth = 4;

var arch = LazyMmuArchRegistry.Find(ArchName);
if (arch is null)
{
    Console.Error.WriteLine($"error: no arch '{ArchName}' was generated; found: {string.Join(", ", LazyMmuArchRegistry.All.Select(a => a.Name))}");
    return 1;
}
Console.WriteLine($"== {arch.Name} ({string.Join(", ", arch.Mechanisms)}) from {arch.DescriptorPath} ==");
Console.WriteLine(arch.Summary);
Console.WriteLine();

// 1. The seed's summary trace: the generic layer's contract, which every arch must reproduce.
var summary = Trace(arch, SeedSummary.Script);
var problem = SeedSummary.Check(summary, arch);
Console.WriteLine(problem is null ? "summary trace: matches the summary trace of docs/contract.md §4" : "summary trace: MISMATCH: " + problem);
Console.WriteLine();

// 2. What the descriptor buys: two writes share one batch; a write to another mm flushes first.
Trace(arch, "enable;set_pte;set_pte;set_pte(mm=2);disable;set_pte");
Console.WriteLine();

// 3. The model checker: every op sequence up to the depth, against the contract and the invariants.
var result = ModelChecker.Check(arch, new CheckOptions { Depth = Depth });
Console.WriteLine($"model check: {(result.Passed ? "pass" : "FAIL")} at depth {Depth}: {result.States} states, {result.Transitions} transitions");
if (result.Violation is { } violation)
    Console.WriteLine($"  {violation.Property}: {violation.Detail}\n  reproduce: {violation.Reproduce}");

var ok = problem is null && result.Passed;
Console.WriteLine(ok ? $"RiscvSample: OK ({arch.Name}: summary trace matches, model check passes at depth {Depth})" : "RiscvSample: FAILED");
return ok ? 0 : 1;

static List<TraceRow> Trace(ArchInfo arch, string script)
{
    var rows = new TraceRunner(arch.CreateMachine(MachineOptions.Default)).Run(OpScript.Parse(script)).ToList();
    Console.WriteLine($"$ trace --arch {arch.Name} --ops \"{script}\"");
    Console.WriteLine($"{"op",-14} {"callbacks",-10} {"enable",6} {"pause",5} {"active",6} {"pending",7}  effects");
    foreach (var row in rows)
    {
        var callbacks = row.Callbacks.Count == 0 ? "-" : string.Join(",", row.Callbacks).ToLowerInvariant();
        var effects = row.Effects.ToString() is { Length: > 0 } e ? e : "-";
        Console.WriteLine($"{row.Op,-14} {callbacks,-10} {row.EnableCount,6} {row.PauseCount,5} {(row.Active ? "yes" : "no"),6} {row.Pending,7}  {effects}{(row.Error is null ? "" : "  " + row.Error)}");
    }
    return rows;
}
