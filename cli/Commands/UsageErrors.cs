using System.CommandLine;
using System.CommandLine.Parsing;
using LazyMmuGen.Generator.Parsing;

namespace LazyMmuGen.Cli.Commands;

/// <summary>
/// The command line's own errors, in the words every command uses for bad input: a token the parser matched to
/// nothing is an unknown command (at the top), an unknown option (it starts with a dash) or an argument the command
/// does not take, each with the nearest name and the help to read. The parser's other errors (a required option left
/// out, a value a <see cref="ChoiceOption"/> refuses) keep their text, pointed at the command's own help.
/// </summary>
public static class UsageErrors
{
    /// <summary>Writes one "error: ..." line per problem and where to read the usage.</summary>
    /// <param name="parse">A parse with errors.</param>
    /// <param name="error">Where errors go (stderr).</param>
    public static void Write(ParseResult parse, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        var unmatched = parse.UnmatchedTokens;
        // A mistyped option the parser took for an argument ("new-arch --form arm64 x" takes '--form' as the name) is
        // the problem; the tokens it left over are only its consequence.
        var taken = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value).Where(v => v.StartsWith('-')).ToList();
        if (taken.Count > 0)
        {
            foreach (var token in taken) error.WriteLine("error: " + UnknownOption(token, parse.CommandResult));
            return;
        }
        foreach (var token in unmatched) error.WriteLine("error: " + Unmatched(token, parse.CommandResult, path));
        // An unknown option's line ends with the help to run; anything else gets it below.
        var saidHelp = unmatched.Any(t => t.StartsWith('-'));
        // The parser reports each unmatched token as an error too, in its own words: those are said above.
        foreach (var other in parse.Errors.Where(e => !unmatched.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))))
            error.WriteLine("error: " + other.Message);
        if (saidHelp) return;
        error.WriteLine(parse.CommandResult.Parent is null
            ? "Run 'lazymmu --help' (or 'lazymmu COMMAND --help') for usage."
            : $"Run '{path} --help' for usage.");
    }

    /// <summary>
    /// "unknown option '--chek' for 'lazymmu accept'. Did you mean '--check'? Its options: --check.": for a token that
    /// starts with a dash, whichever part of the tool finds it (the parser, or a command whose arguments are paths).
    /// </summary>
    /// <param name="token">The token as given.</param>
    /// <param name="result">The command it was given to.</param>
    public static string UnknownOption(string token, CommandResult result)
    {
        var path = CommandPath(result);
        var options = result.Command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();
        var listed = options.Where(o => o != "--help").ToList();
        return $"unknown option '{token}' for '{path}'.{Suggestions.DidYouMean(token, options)}"
            + (listed.Count == 0 ? $" '{path}' takes no options." : $" Its options: {string.Join(", ", listed)}.")
            + $" Run '{path} --help' for usage.";
    }

    private static string Unmatched(string token, CommandResult result, string path)
    {
        var command = result.Command;
        if (token.StartsWith('-')) return UnknownOption(token, result);
        if (result.Parent is null)
        {
            var commands = command.Subcommands.Select(c => c.Name).ToList();
            return $"unknown command '{token}'.{Suggestions.DidYouMean(token, commands)} Commands: {string.Join(", ", commands)}.";
        }
        return command.Arguments.Count == 0
            ? $"'{path}' takes no arguments, got '{token}'."
            : $"'{path}' takes {string.Join(" ", command.Arguments.Select(a => $"<{a.Name}>"))}; '{token}' is one too many.";
    }

    /// <summary>"lazymmu check": the command's names from the root down.</summary>
    public static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? at = result; at is CommandResult c; at = c.Parent) names.Insert(0, c.Parent is null ? "lazymmu" : c.Command.Name);
        return string.Join(" ", names);
    }
}
