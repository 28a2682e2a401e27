using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LazyMmuGen.Tests.Shared;

/// <summary>One generator run: what it produced, the compilation with its output added, and driver-level diagnostics (CS8785).</summary>
public sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public GeneratorRunResult Generator => Result.Results.Single();

    public ImmutableArray<Diagnostic> Diagnostics => Generator.Diagnostics;

    public IEnumerable<string> HintNames => Generator.GeneratedSources.Select(s => s.HintName);

    public string Source(string hintName) => Generator.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    public SyntaxTree Tree(string hintName) => Generator.GeneratedSources.Single(s => s.HintName == hintName).SyntaxTree;

    /// <summary>Warnings and errors of compiling the generated code (hidden/info diagnostics are noise).</summary>
    public IReadOnlyList<Diagnostic> CompileProblems() =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>No generator exception, no CS8785 and no other driver diagnostic: the generator never crashed.</summary>
    public void AssertNoCrash()
    {
        Assert.Null(Generator.Exception);
        // The driver reports the generator's own diagnostics too; anything else (CS8785, AD0001) is a crash.
        Assert.All(DriverDiagnostics, d => Assert.StartsWith("LMG", d.Id));
        Assert.DoesNotContain(Output.GetDiagnostics(), d => d.Id == "CS8785");
    }

    public void AssertCompilesCleanly()
    {
        var problems = CompileProblems();
        Assert.True(problems.Count == 0, "generated code does not compile cleanly:\n" + string.Join("\n", problems));
    }
}
