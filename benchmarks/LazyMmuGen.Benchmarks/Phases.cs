using System.Diagnostics;
using LazyMmuGen.Benchmarks.Generator;
using LazyMmuGen.Generator.Emit;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Generator.Parsing;
using Microsoft.CodeAnalysis.CSharp;

namespace LazyMmuGen.Benchmarks;

/// <summary>
/// <c>--generator-phases</c>: where a full generator run's time and allocations go, phase by phase, for 100
/// and 1000 synthesised descriptors: parsing the descriptors, rendering the arches (Scriban), Roslyn
/// parsing the rendered sources (the driver does that on every run), and the whole driver run. Bytes are
/// exact (this thread's allocations); times are rough (one pass, after one warm-up pass).
/// </summary>
public static class Phases
{
    public static void Run(TextWriter output)
    {
        var options = new GeneratorOptions(GeneratorOptions.DefaultNamespace, GeneratorInputs.ProjectDir, true);
        foreach (var (n, print) in new[] { (100, false), (1000, false), (100, true), (1000, true) })
        {
            var texts = GeneratorInputs.Synthetic(n);
            var watch = Stopwatch.StartNew();
            var row = new List<string>();
            void Phase(string name, Action action)
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var start = watch.Elapsed.TotalMilliseconds;
                action();
                row.Add($"{name} {watch.Elapsed.TotalMilliseconds - start,6:0.0} ms {(GC.GetAllocatedBytesForCurrentThread() - bytes) / 1e6,6:0.0} MB");
            }
            List<ParseResult> parsed = [];
            List<RenderResult> rendered = [];
            Phase("parse", () => parsed = texts.Select(t => DescriptorParser.Parse(t.Path, t.GetText(), t.Path, default)).ToList());
            Phase("render", () => rendered = parsed.Select(p => ArchEmitter.Emit(p.Spec!, options, TemplateSet.Builtin, default)).ToList());
            Phase("roslyn-parse", () => GC.KeepAlive(rendered.Select(r => CSharpSyntaxTree.ParseText(r.Source!, GeneratorInputs.ParseOptions)).ToList()));
            Phase("driver", () => GC.KeepAlive(GeneratorInputs.Driver(texts).RunGenerators(GeneratorInputs.Compilation())));
            if (print) output.WriteLine($"{n,5} descriptors: {string.Join(" | ", row)}");
        }
    }
}
