using System.Reflection;
using Microsoft.CodeAnalysis;

namespace LazyMmuGen.Generator.Tests;

/// <summary>The step names declared in <see cref="TrackingNames"/> and helpers over a tracked run.</summary>
public static class TrackedSteps
{
    public static IReadOnlyList<string> Names { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    public static GeneratorRunResult Result(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

    /// <summary>Every output of the named step; fails if the pipeline never ran a step by that name.</summary>
    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), $"step '{step}' was not tracked; tracked: {string.Join(", ", result.TrackedSteps.Keys)}");
        return runs.SelectMany(r => r.Outputs).ToList();
    }
}
