using System.CommandLine;

namespace LazyMmuGen.Cli.Commands;

/// <summary>
/// Options a command's mode would ignore (check --diff, simulate --calibration): giving one is an error that names
/// each and why, since saying nothing would let a user believe it changed the result.
/// </summary>
public static class IgnoredOptions
{
    /// <summary>"--diff does not take --threads: it explores on one thread.", or null when none was given.</summary>
    /// <param name="parse">The parse.</param>
    /// <param name="mode">The option that sets the mode, e.g. "--diff".</param>
    /// <param name="why">Each option the mode ignores, with why.</param>
    public static string? Refusal(ParseResult parse, string mode, params (Option Option, string Why)[] why)
    {
        var given = why.Where(w => parse.GetResult(w.Option) is { Implicit: false }).ToList();
        return given.Count == 0 ? null
            : $"{mode} does not take {string.Join(", ", given.Select(w => w.Option.Name))}: {string.Join("; ", given.Select(w => w.Why))}.";
    }
}
