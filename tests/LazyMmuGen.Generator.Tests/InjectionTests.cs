using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static LazyMmuGen.Tests.Shared.GeneratorHarness;

namespace LazyMmuGen.Generator.Tests;

/// <summary>Descriptor text reaches generated code only as escaped literals and comments: it can never become code.</summary>
public sealed class InjectionTests
{
    public static TheoryData<string> Payloads() => new()
    {
        "\"); System.Environment.Exit(1); //",
        "*/ } class Evil { void M() { System.Environment.Exit(1); } } /*",
        "</summary> } class Evil { } /// <summary>",
        "\\\"); System.Environment.Exit(1); //",
        "\\u0022); System.Environment.Exit(1); //",
        "{{namespace}} {{{typeName}}} \"\"\" @\" $\"{System.Environment.Exit(1)}\"",
        "caf\u00E9 \U0001F600 \u00A0 \uFEFF done",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void SummaryStaysText(string payload)
    {
        var yaml = "arch: injected\nsummary: '" + payload.Replace("'", "''") + "'\n";
        var run = Run(Descriptor("injected.arch.yaml", yaml));

        AssertHarmless(run);
        Assert.Contains(StringLiterals(run.Tree(RegistryHint)), value => value == Parsing.TextRules.Normalize(payload));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void ExpectedViolationStaysText(string payload)
    {
        var quoted = "'" + payload.Replace("'", "''") + "'";
        var yaml = "arch: injected\nexpected-violation:\n  property: no arch BUG\n  reason: " + quoted + "\n";
        var run = Run(Descriptor("injected.arch.yaml", yaml));

        AssertHarmless(run);
        Assert.Equal(1, StringLiterals(run.Tree(RegistryHint)).Count(value => value == Parsing.TextRules.Normalize(payload)));

        // The property is one of the checker's names or an error, so a payload there never reaches the output.
        var asProperty = Run(Descriptor("injected.arch.yaml", "arch: injected\nexpected-violation:\n  property: " + quoted + "\n  reason: r\n"));
        asProperty.AssertNoCrash();
        Assert.Equal("LMG0002", Assert.Single(asProperty.Diagnostics).Id);
        Assert.DoesNotContain(asProperty.Generator.GeneratedSources, g => g.SourceText.ToString().Contains(Parsing.TextRules.Normalize(payload)));
    }

    /// <summary>The reason is emitted as one escaped literal: the quote it carries cannot end it.</summary>
    [Fact]
    public void ExpectedViolationReasonIsAnEscapedLiteral()
    {
        const string payload = "\"); System.Environment.Exit(1); //";
        var yaml = "arch: injected\nexpected-violation:\n  property: no arch BUG\n  reason: '" + payload + "'\n";
        var run = Run(Descriptor("injected.arch.yaml", yaml));

        AssertHarmless(run);
        Assert.Contains("new global::LazyMmuGen.Runtime.ExpectedViolation(\"no arch BUG\", \"\\\"); System.Environment.Exit(1); //\"),", run.Source(RegistryHint));
        Assert.Contains(payload, StringLiterals(run.Tree(RegistryHint)));
    }

    /// <summary>File names may hold newlines on Linux; the path goes into a // comment and a literal.</summary>
    [Fact]
    public void DescriptorPathStaysText()
    {
        const string name = "evil\n} class Evil { } //\u2028x.arch.yaml";
        var run = Run(Descriptor(name, "arch: injected\n"));

        AssertHarmless(run);
        Assert.Contains(name, StringLiterals(run.Tree(RegistryHint)));
    }

    private static void AssertHarmless(GeneratorRun run)
    {
        run.AssertNoCrash();
        Assert.Empty(run.Diagnostics);
        Assert.Equal(new[] { "Injected.g.cs", RegistryHint }, run.HintNames.Order(StringComparer.Ordinal));
        run.AssertCompilesCleanly();
        foreach (var tree in run.Generator.GeneratedSources.Select(s => s.SyntaxTree))
        {
            var root = tree.GetRoot();
            Assert.DoesNotContain(root.DescendantNodes().OfType<InvocationExpressionSyntax>(), call => CalledName(call) == "Exit");
            Assert.DoesNotContain(root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>(), type => type.Identifier.ValueText == "Evil");
            Assert.Empty(root.DescendantNodes().OfType<InterpolatedStringExpressionSyntax>());
        }
    }

    private static string? CalledName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static IEnumerable<string> StringLiterals(SyntaxTree tree) =>
        tree.GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken)).Select(t => t.ValueText);
}
