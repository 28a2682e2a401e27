using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static LazyMmuGen.Tests.Shared.GeneratorHarness;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// No pipeline value holds a Roslyn object (symbol, syntax, compilation, semantic model, location, additional
/// text): such values defeat caching and keep whole compilations alive. Walks every output of every
/// tracked step by reflection.
/// </summary>
public sealed class ModelGraphTests
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(AdditionalText),
    };

    [Fact]
    public void NoStepOutputHoldsRoslynObjects()
    {
        var descriptors = new[]
        {
            Descriptor("good.arch.yaml", "arch: good\nsummary: Fine.\nmechanisms:\n  - kind: deferred-barriers\n"),
            Descriptor("bad.arch.yaml", "arch: good\nmechanisms:\n  - kind: no-such-thing\n"),
            Descriptor("twin.arch.yaml", "arch: good\n"),
        };
        var driver = Driver(descriptors, track: true).RunGenerators(Compilation(CSharpSyntaxTree.ParseText("class User { }", LanguageOptions)));
        var result = TrackedSteps.Result(driver);

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var step in TrackedSteps.Names)
        {
            var outputs = TrackedSteps.Outputs(result, step);
            if (step == TrackingNames.Descriptors)
            {
                // The filtered compiler inputs themselves, not a model: the first model step is Parsed.
                Assert.All(outputs, o => Assert.IsAssignableFrom<AdditionalText>(o.Value));
                continue;
            }
            foreach (var (value, _) in outputs) Walk(value, step, visited);
        }
        Assert.Contains(visited, v => v is Model.ArchSpec);
        Assert.Contains(visited, v => v is Model.DiagnosticInfo);
        Assert.Contains(visited, v => v is Model.LocationInfo);
    }

    private static void Walk(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value is Type || value is Pointer) return;
        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.FullName}");
        if (type.IsPrimitive || type.IsEnum || value is Delegate) return;
        if (!type.IsValueType && !visited.Add(value)) return;
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items) Walk(item, $"{path}[{index++}]", visited);
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike) continue;
                Walk(field.GetValue(value), $"{path}.{field.Name}", visited);
            }
        }
    }
}
