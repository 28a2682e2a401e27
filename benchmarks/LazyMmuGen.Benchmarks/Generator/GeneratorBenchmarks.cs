using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LazyMmuGen.Benchmarks.Generator;

/// <summary>
/// Full generator runs (a fresh driver: parse, validate, render every arch and the registry) over 10, 100
/// and 1000 synthesised descriptors. Only the generator runs; the output is not compiled.
/// </summary>
[MemoryDiagnoser]
public class GeneratorScaleBenchmarks
{
    private AdditionalText[] texts = [];
    private CSharpCompilation compilation = null!;

    [Params(10, 100, 1000)]
    public int Descriptors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        texts = GeneratorInputs.Synthetic(Descriptors);
        compilation = GeneratorInputs.Compilation();
        GeneratorInputs.CheckRun(FullRun(), Descriptors);
    }

    [Benchmark]
    public GeneratorDriver FullRun() => GeneratorInputs.Driver(texts).RunGenerators(compilation);
}

/// <summary>
/// A full run over the built-in descriptors, and the two incremental runs an IDE or a rebuild sees: one
/// descriptor out of 1000 edited, and only C# edited. The incremental runs start each time from the same
/// driver that already ran over the 1000 descriptors (drivers are immutable), so every operation measures
/// exactly one incremental step. That they re-render one arch and none is asserted in CachingTests.
/// </summary>
[MemoryDiagnoser]
public class GeneratorIncrementalBenchmarks
{
    public const int Descriptors = 1000;

    private AdditionalText[] builtin = [];
    private AdditionalText original = null!;
    private AdditionalText edited = null!;
    private CSharpCompilation compilation = null!;
    private CSharpCompilation editedCompilation = null!;
    private GeneratorDriver warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        builtin = GeneratorInputs.BuiltinTexts();
        var texts = GeneratorInputs.Synthetic(Descriptors);
        original = texts[Descriptors / 2];
        edited = GeneratorInputs.Edited(original);
        var user = CSharpSyntaxTree.ParseText("public class User { }", GeneratorInputs.ParseOptions);
        compilation = GeneratorInputs.Compilation(user);
        editedCompilation = compilation.ReplaceSyntaxTree(user,
            CSharpSyntaxTree.ParseText("public class User { public int Field; }", GeneratorInputs.ParseOptions));
        warm = GeneratorInputs.Driver(texts).RunGenerators(compilation);
        GeneratorInputs.CheckRun(warm, Descriptors);
        GeneratorInputs.CheckRun(FullRun_Builtin(), builtin.Length);
        GeneratorInputs.CheckRun(EditOneOf1000(), Descriptors);
        GeneratorInputs.CheckRun(EditCSharpOnly(), Descriptors);
    }

    [Benchmark]
    public GeneratorDriver FullRun_Builtin() => GeneratorInputs.Driver(builtin).RunGenerators(compilation);

    [Benchmark]
    public GeneratorDriver EditOneOf1000() => warm.ReplaceAdditionalText(original, edited).RunGenerators(compilation);

    [Benchmark]
    public GeneratorDriver EditCSharpOnly() => warm.RunGenerators(editedCompilation);
}
