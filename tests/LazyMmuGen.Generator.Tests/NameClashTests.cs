using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static LazyMmuGen.Tests.Shared.GeneratorHarness;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// A type name a descriptor chooses must never break the generated code: for every identifier the code
/// generated for a built-in arch uses (members, aliases, runtime types), naming the arch type after it
/// must either be refused with LMG0006 or still compile cleanly. Self-updating as templates grow.
/// </summary>
public sealed class NameClashTests
{
    public static TheoryData<string> BuiltinDescriptors() => new(RepoPaths.BuiltinDescriptors());

    [Theory]
    [MemberData(nameof(BuiltinDescriptors))]
    public void NoTypeNameBreaksTheGeneratedCode(string descriptor)
    {
        var text = RepoPaths.Builtin(descriptor).GetText().ToString();
        var baseline = Run(RepoPaths.Builtin(descriptor));
        var identifiers = baseline.Generator.GeneratedSources
            .SelectMany(s => s.SyntaxTree.GetRoot().DescendantTokens())
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken))
            .Select(t => t.ValueText)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var withoutTypeName = Regex.Replace(text, @"^type-name:.*$\n?", "", RegexOptions.Multiline);
        var failures = new ConcurrentBag<string>();

        Parallel.ForEach(identifiers, name =>
        {
            var run = Run(Descriptor(descriptor, withoutTypeName.TrimEnd('\n') + "\ntype-name: " + name + "\n"));
            run.AssertNoCrash();
            var ids = run.Diagnostics.Select(d => d.Id).ToList();
            if (ids.Count > 0 && !ids.SequenceEqual(new[] { "LMG0006" })) failures.Add($"{name}: unexpected {string.Join(", ", ids)}");
            else if (ids.Count == 0 && run.CompileProblems() is { Count: > 0 } problems) failures.Add($"{name}: accepted but {problems[0]}");
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {identifiers.Count} names:\n" + string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }
}
