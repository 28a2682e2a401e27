namespace LazyMmuGen.Packaging.Tests;

/// <summary>What the generator, run in memory over one descriptor (<see cref="GeneratorHarness"/>), says about it.</summary>
public static class InProcessGenerator
{
    /// <summary>Generator diagnostics, then (if it generated) the compiler's warnings and errors, as text.</summary>
    public static IReadOnlyList<string> Problems(string fileName, string yaml)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Descriptor(fileName, yaml));
        var problems = run.DriverDiagnostics.Concat(run.Diagnostics).Select(d => d.ToString()).Distinct().ToList();
        if (run.Generator.Exception is not null) problems.Add("generator exception: " + run.Generator.Exception);
        if (problems.Count > 0) return problems;
        if (run.Generator.GeneratedSources.Length != 2) problems.Add($"expected an arch and the registry, got {run.Generator.GeneratedSources.Length} sources");
        problems.AddRange(run.CompileProblems().Select(d => d.ToString()));
        return problems;
    }
}
