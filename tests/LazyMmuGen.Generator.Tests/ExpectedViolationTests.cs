using System.Reflection;
using System.Runtime.Loader;
using LazyMmuGen.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static LazyMmuGen.Tests.Shared.GeneratorHarness;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// 'expected-violation:' reaches the registry as the ExpectedViolation argument of ArchInfo (right before
/// CreateMachine): a fully qualified new ExpectedViolation of two escaped literals when the descriptor declares one, null otherwise.
/// </summary>
public sealed class ExpectedViolationTests
{
    private const string Declared =
        "arch: declared\nexpected-violation:\n  property: no arch BUG\n  reason: >\n    strict enter BUGs on the\n    double enter; kept on purpose\nmechanisms:\n  - kind: deferred-barriers\n";

    private const string Plain = "arch: plain\nsummary: Passes the checker.\nmechanisms:\n  - kind: deferred-barriers\n";

    [Fact]
    public void RegistryCarriesTheValueOrNull()
    {
        var run = Run(Descriptor("declared.arch.yaml", Declared), Descriptor("plain.arch.yaml", Plain));

        run.AssertNoCrash();
        Assert.Empty(run.Diagnostics);
        run.AssertCompilesCleanly();
        var arguments = ViolationArguments(run.Tree(RegistryHint));
        Assert.Equal(new[] { "declared", "plain" }, arguments.Keys.Order(StringComparer.Ordinal));
        var created = Assert.IsType<ObjectCreationExpressionSyntax>(arguments["declared"]);
        Assert.Equal("global::LazyMmuGen.Runtime.ExpectedViolation", created.Type.ToString());
        Assert.Equal(new[] { "no arch BUG", "strict enter BUGs on the double enter; kept on purpose" },
            created.ArgumentList!.Arguments.Select(a => Assert.IsType<LiteralExpressionSyntax>(a.Expression).Token.ValueText));
        Assert.True(arguments["plain"].IsKind(SyntaxKind.NullLiteralExpression), arguments["plain"].ToString());

        // And at run time: the registry the compiled output holds.
        var all = LoadRegistry(run);
        Assert.Equal(new ExpectedViolation("no arch BUG", "strict enter BUGs on the double enter; kept on purpose"),
            all.Single(a => a.Name == "declared").ExpectedViolation);
        Assert.Null(all.Single(a => a.Name == "plain").ExpectedViolation);
    }

    [Fact]
    public void EditingTheReasonChangesOnlyTheRegistryArgument()
    {
        var before = Run(Descriptor("declared.arch.yaml", Declared));
        var after = Run(Descriptor("declared.arch.yaml", Declared.Replace("kept on purpose", "kept, edited")));

        Assert.Equal(before.Source("Declared.g.cs"), after.Source("Declared.g.cs"));
        var edited = Assert.IsType<ObjectCreationExpressionSyntax>(ViolationArguments(after.Tree(RegistryHint))["declared"]);
        Assert.Equal("strict enter BUGs on the double enter; kept, edited",
            Assert.IsType<LiteralExpressionSyntax>(edited.ArgumentList!.Arguments[1].Expression).Token.ValueText);
    }

    [Fact]
    public void A_property_the_checker_does_not_check_is_LMG0002_at_the_value_with_the_nearest_name()
    {
        // Found by a fresh-clone review: a typo here made the arch FAIL (or PASS unexpectedly) under check, far from the cause.
        var run = Run(Descriptor("typo.arch.yaml", Declared.Replace("property: no arch BUG", "property: no arch bug")));

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0002", error.Id);
        var span = error.Location.GetLineSpan();
        Assert.Equal((2, 12), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.StartsWith("Expected the name of a property the model checker checks here but found 'no arch bug'. Did you mean 'no arch BUG'? "
            + "The properties: arch code completes without exceptions; no arch BUG; ", error.GetMessage());
        Assert.EndsWith("; a batch never mixes mms; batching is real.", error.GetMessage());
        Assert.Equal(23, error.GetMessage().Split("The properties: ")[1].Split("; ").Length);
    }

    [Theory]
    [InlineData("pte stores at write level", "pte stores happen at the write level")]
    [InlineData("interrupt extends batch", "guarantee 4: an interrupt never extends a task's batch")]
    [InlineData("leave restores registers", "outermost leave restores registers")]
    [InlineData("get_pte read", "get_pte is a read")]
    public void A_property_written_in_other_words_is_named_by_the_words_it_holds(string written, string meant)
    {
        // Too far apart letter by letter for an edit distance: the one property holding every word written is meant.
        var run = Run(Descriptor("words.arch.yaml", Declared.Replace("property: no arch BUG", "property: " + written)));

        var error = Assert.Single(run.Diagnostics);
        Assert.StartsWith($"Expected the name of a property the model checker checks here but found '{written}'. Did you mean '{meant}'? ", error.GetMessage());
    }

    [Theory]
    [InlineData("writes complete")]
    [InlineData("leave restores")]
    [InlineData("batch")]
    public void Words_more_than_one_property_holds_get_no_suggestion_but_the_list(string written)
    {
        var run = Run(Descriptor("vague.arch.yaml", Declared.Replace("property: no arch BUG", "property: " + written)));

        var error = Assert.Single(run.Diagnostics);
        Assert.StartsWith($"Expected the name of a property the model checker checks here but found '{written}'. The properties: ", error.GetMessage());
    }

    /// <summary>Arch name → the expression passed as ArchInfo's ExpectedViolation (the next-to-last argument).</summary>
    private static Dictionary<string, ExpressionSyntax> ViolationArguments(SyntaxTree registry) =>
        registry.GetRoot().DescendantNodes().OfType<ObjectCreationExpressionSyntax>()
            .Where(c => c.Type.ToString() == "ArchInfo")
            .ToDictionary(
                c => Assert.IsType<LiteralExpressionSyntax>(c.ArgumentList!.Arguments[0].Expression).Token.ValueText,
                c => c.ArgumentList!.Arguments[^2].Expression);

    private static IReadOnlyList<ArchInfo> LoadRegistry(GeneratorRun run)
    {
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        // A collectible context of its own; LazyMmuGen.Runtime resolves to the test's copy, so ArchInfo is the same type.
        var context = new AssemblyLoadContext("expected-violation", isCollectible: true);
        try
        {
            var registry = context.LoadFromStream(image).GetTypes().Single(t => t.Name == "LazyMmuArchRegistry");
            var all = registry.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
            return Assert.IsAssignableFrom<IReadOnlyList<ArchInfo>>(all).ToList();
        }
        finally
        {
            context.Unload();
        }
    }
}
