using System.Reflection;
using System.Text.RegularExpressions;

namespace LazyMmuGen.Checker.Tests;

/// <summary>
/// The checked properties have one home (shared/CheckedProperties.cs, compiled into the checker, the generator and
/// the schema builder): the checker reports no name that is not there, and <see cref="ModelChecker.Properties"/>
/// lists every one of them once. The generator's side (a descriptor naming another is LMG0002) is
/// ExpectedViolationTests; the schema's enum, SchemaAgreementTests.
/// </summary>
public sealed class CheckedPropertyTests
{
    [Fact]
    public void ModelChecker_Properties_lists_every_named_property_once()
    {
        var constants = typeof(ModelChecker).Assembly.GetType("LazyMmuGen.CheckedProperties", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(23, constants.Count);
        Assert.Equal(constants.Order(StringComparer.Ordinal), ModelChecker.Properties.Order(StringComparer.Ordinal));
        Assert.Equal(ModelChecker.Properties.Count, ModelChecker.Properties.Distinct().Count());
    }

    [Fact]
    public void The_checker_reports_properties_only_through_the_shared_names()
    {
        // A verdict is a (property, detail) tuple; one whose property is a literal would be a name the generator
        // and the schema do not know, and a descriptor could never expect it.
        var literal = new Regex(@"(return|\?|:|\?\?)\s*\(\s*\$?""[^""]*""\s*,");
        var offenders = Directory.EnumerateFiles(RepoRoot.Combine("checker", "Explorer"), "*.cs")
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, i)))
            .Where(x => literal.IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.file)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.Empty(offenders);
        Assert.Contains("CheckedProperties.NoArchBug", File.ReadAllText(RepoRoot.Combine("checker", "Explorer", "CheckedRun.cs")));
    }
}
