// RiscvSample: arches added outside the LazyMmuGen repository, through the LazyMmuGen.Generator, .Runtime and
// .Checker packages: riscv-sfence.arch.yaml (a built-in mechanism) and riscv-svinval.arch.yaml (this project's own
// mechanism, mechanisms/svinval-batch/). Runs the seed's summary trace and the model checker on each; exits 1 if
// any fails.
using LazyMmuGen.Checker;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;
using RiscvSample.Arches;

const int Depth = 4;

// Two arches added outside the repository: riscv-sfence by a descriptor over a built-in mechanism, and
// riscv-svinval by a descriptor over this project's own mechanism (mechanisms/svinval-batch/). Each with the
// script that shows what it batches.
(string Name, string Script)[] arches =
[
    ("riscv-sfence", "enable;set_pte;set_pte;set_pte(mm=2);disable;set_pte"),
    ("riscv-svinval", "enable;set_pte;set_pte;set_pte(mm=2);disable;set_pte"),
];

var ok = true;
foreach (var (name, script) in arches) ok &= Run(name, script);
Console.WriteLine(ok ? $"RiscvSample: OK ({string.Join(", ", arches.Select(a => a.Name))}: summary traces match, model checks pass at depth {Depth})" : "RiscvSample: FAILED");
return ok ? 0 : 1;

static bool Run(string name, string script)
{
    var arch = LazyMmuArchRegistry.Find(name);
    if (arch is null)
    {
        Console.Error.WriteLine($"error: no arch '{name}' was generated; found: {string.Join(", ", LazyMmuArchRegistry.All.Select(a => a.Name))}");
        return false;
    }
    Console.WriteLine($"== {arch.Name} ({string.Join(", ", arch.Mechanisms)}) from {arch.DescriptorPath} ==");
    Console.WriteLine(arch.Summary);
    Console.WriteLine($"effect kinds: {string.Join(", ", arch.Facts.Effects.Select(k => $"{k.Name} ({k.Declaration!.Owner})"))}");
    Console.WriteLine();

    // 1. The seed's summary trace: the generic layer's contract, which every arch must reproduce.
    var summary = Trace(arch, SeedSummary.Script);
    var problem = SeedSummary.Check(summary, arch);
    Console.WriteLine(problem is null ? $"{name} summary trace: matches the summary trace of docs/contract.md §4" : $"{name} summary trace: MISMATCH: " + problem);
    Console.WriteLine();

    // 2. What the descriptor buys.
    Trace(arch, script);
    Console.WriteLine();

    // 3. The model checker: every op sequence up to the depth, against the contract and the invariants.
    var result = ModelChecker.Check(arch, new CheckOptions { Depth = Depth });
    Console.WriteLine($"{name} model check: {(result.Passed ? "pass" : "FAIL")} at depth {Depth}: {result.States} states, {result.Transitions} transitions");
    if (result.Violation is { } violation)
        Console.WriteLine($"  {violation.Property}: {violation.Detail}\n  reproduce: {violation.Reproduce}");
    Console.WriteLine();
    return problem is null && result.Passed;
}

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
