using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace LazyMmuGen.Cli.Commands;

/// <summary>
/// The tool's whole-number options (--depth, --threads, --size, --batch-capacity), parsed and range-checked in one
/// place: a bad value is a usage error (exit 2) naming the option, its range and what was given, instead of
/// System.CommandLine's message naming the .NET type ("as expected type 'System.Int32'").
/// </summary>
public static class WholeNumberOption
{
    /// <summary>An option with a default, in <paramref name="min"/>..<paramref name="max"/>.</summary>
    /// <param name="name">E.g. "--depth".</param>
    /// <param name="min">The least value accepted.</param>
    /// <param name="max">The greatest value accepted; <see cref="int.MaxValue"/> for "at least <paramref name="min"/>".</param>
    /// <param name="defaultValue">The value when the option is not given.</param>
    /// <param name="description">The help text; "{range}" in it becomes the range ("1..32", "at least 1"), so it is written once.</param>
    /// <param name="hint">Said after the range when a value is refused, e.g. what the value means; or null.</param>
    public static Option<int> Create(string name, int min, int max, int defaultValue, string description, string? hint = null) => new(name)
    {
        Description = description.Replace(RangePlaceholder, Range(min, max), StringComparison.Ordinal),
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(result, name, min, max, hint) ?? defaultValue,
    };

    /// <summary>An option that is null when not given, else in <paramref name="min"/>..<paramref name="max"/>.</summary>
    /// <inheritdoc cref="Create" path="/param"/>
    public static Option<int?> CreateOptional(string name, int min, int max, string description, string? hint = null) => new(name)
    {
        Description = description.Replace(RangePlaceholder, Range(min, max), StringComparison.Ordinal),
        CustomParser = result => Parse(result, name, min, max, hint),
    };

    /// <summary>The message for a refused value: "--depth must be a whole number 1..32, got 'x'".</summary>
    /// <param name="name">The option.</param>
    /// <param name="min">The least value accepted.</param>
    /// <param name="max">The greatest value accepted, or <see cref="int.MaxValue"/>.</param>
    /// <param name="given">The text given.</param>
    /// <param name="hint">Said after the range, or null.</param>
    public static string Refusal(string name, int min, int max, string given, string? hint = null)
    {
        var range = max == int.MaxValue ? $"of at least {min}" : Range(min, max);
        return $"{name} must be a whole number {range}, got '{given}'" + (hint is null ? "" : $" ({hint})") + ".";
    }

    /// <summary>What a description writes where the help should show the range.</summary>
    public const string RangePlaceholder = "{range}";

    private static string Range(int min, int max) => max == int.MaxValue ? $"at least {min}" : $"{min}..{max}";

    private static int? Parse(ArgumentResult result, string name, int min, int max, string? hint)
    {
        // One token: the option's arity is one value, and System.CommandLine reports a missing one itself.
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        result.AddError(Refusal(name, min, max, text, hint));
        return null;
    }
}
