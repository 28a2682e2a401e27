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
        var path = CommandPath(parse.CommandResult);
        var unmatched = parse.UnmatchedTokens;
        var isRoot = parse.CommandResult.Parent is null;
        // A mistyped command: what follows it was meant for that command, so it is not reported token by token.
        if (isRoot && unmatched.Count > 0 && !unmatched[0].StartsWith('-'))
        {
            var commands = parse.CommandResult.Command.Subcommands.Select(c => c.Name).ToList();
            var meant = Suggestions.Closest(unmatched[0], commands);
            error.WriteLine($"error: unknown command '{unmatched[0]}'.{(meant is null ? "" : $" Did you mean '{meant}'?")} Commands: {string.Join(", ", commands)}.");
            error.WriteLine(meant is null ? "Run 'lazymmu --help' for usage." : $"Run 'lazymmu {meant} --help' for its usage.");
            return;
        }
        // Options written before the command ("lazymmu --depth 3 check") belong after it.
        var tokens = parse.Tokens.ToList();
        var at = tokens.FindLastIndex(t => t.Type == TokenType.Command);
        if (!isRoot && at > 0 && tokens.Take(at).Any(t => t.Type != TokenType.Command))
        {
            var before = tokens.Take(at).Where(t => t.Type != TokenType.Command).Select(t => t.Value).ToList();
            var commandTokens = tokens.Take(at + 1).Where(t => t.Type == TokenType.Command).Select(t => t.Value);
            var fixedLine = string.Join(" ", commandTokens.Concat(before).Concat(tokens.Skip(at + 1).Select(t => t.Value)));
            error.WriteLine($"error: options go after the command: write 'lazymmu {fixedLine}'; '{string.Join(" ", before)}' came before '{path}'.");
            error.WriteLine($"Run '{path} --help' for usage.");
            return;
        }
        // A mistyped option the parser took for an argument ("new-arch --form arm64 x" takes '--form' as the name) is
        // the problem; the tokens it left over are only its consequence.
        var taken = parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value).Where(v => v.StartsWith('-')).ToList();
        if (taken.Count > 0)
        {
            foreach (var token in taken) error.WriteLine("error: " + UnknownOption(token, parse.CommandResult, withHelp: false));
            error.WriteLine($"Run '{path} --help' for usage.");
            return;
        }
        for (var i = 0; i < unmatched.Count; i++)
        {
            // The word after an unknown option ("accept --format json") is most likely its value, not a stray argument.
            if (i > 0 && !unmatched[i].StartsWith('-') && unmatched[i - 1].StartsWith('-') && !unmatched[i - 1].Contains('=')) continue;
            error.WriteLine("error: " + Unmatched(unmatched[i], parse.CommandResult, path));
        }
        // The parser reports each unmatched token as an error too, in its own words: those are said above.
        foreach (var other in parse.Errors.Where(e => !unmatched.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))))
            error.WriteLine("error: " + (Missing(other.Message, parse.CommandResult, path) ?? other.Message));
        error.WriteLine(isRoot
            ? "Run 'lazymmu --help' (or 'lazymmu COMMAND --help') for usage."
            : $"Run '{path} --help' for usage.");
    }

    /// <summary>
    /// "'lazymmu new-arch' needs <name> (arch name: ...).", "'lazymmu trace' needs --ops (ops separated by ';', ...).":
    /// for the parser's "Required argument missing for command: 'new-arch'." and "Option '--ops' is required.", which
    /// name neither what to give nor its form; null for any other message.
    /// </summary>
    private static string? Missing(string message, CommandResult result, string path)
    {
        if (message.StartsWith("Required argument missing", StringComparison.Ordinal)
            && result.Command.Arguments.FirstOrDefault(a => a.Arity.MinimumNumberOfValues > 0
                && result.Children.OfType<ArgumentResult>().All(r => r.Argument != a || r.Tokens.Count == 0)) is { } argument)
            return $"'{path}' needs <{argument.Name}> ({Lower(argument.Description)}).";
        if (message.EndsWith("is required.", StringComparison.Ordinal)
            && result.Command.Options.FirstOrDefault(o => o.Required && message.Contains($"'{o.Name}'", StringComparison.Ordinal)) is { } option)
            return $"'{path}' needs {option.Name} ({Lower(option.Description)}).";
        return null;
    }

    /// <summary>A help description as a clause in a sentence: first letter lowercased, final period dropped.</summary>
    private static string Lower(string? description)
    {
        var text = (description ?? "").TrimEnd('.');
        return text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
    }

    /// <summary>
    /// "unknown option '--chek' for 'lazymmu accept'. Did you mean '--check'? Its options: --check.": for a token that
    /// starts with a dash, whichever part of the tool finds it (the parser, or a command whose arguments are paths).
    /// </summary>
    /// <param name="token">The token as given.</param>
    /// <param name="result">The command it was given to.</param>
    /// <param name="withHelp">False when the caller says which help to read once, after every error.</param>
    public static string UnknownOption(string token, CommandResult result, bool withHelp = true)
    {
        var path = CommandPath(result);
        // "--dpth=3" is the option "--dpth" with a value.
        var name = token.Split('=')[0];
        var options = result.Command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();
        var listed = options.Where(o => o != "--help").ToList();
        return $"unknown option '{name}' for '{path}'.{Suggestions.DidYouMean(name, options)}"
            + (listed.Count == 0 ? $" '{path}' takes no options." : $" Its options: {string.Join(", ", listed)}.")
            + (withHelp ? $" Run '{path} --help' for usage." : "");
    }

    private static string Unmatched(string token, CommandResult result, string path)
    {
        var command = result.Command;
        if (token.StartsWith('-')) return UnknownOption(token, result, withHelp: false);
        if (command.Arguments.Count == 0) return $"'{path}' takes no arguments, got '{token}'.";
        return $"'{path}' takes {string.Join(" ", command.Arguments.Select(a => $"<{a.Name}>"))}; '{token}' is one too many.";
    }

    /// <summary>"lazymmu check": the command's names from the root down.</summary>
    public static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? at = result; at is CommandResult c; at = c.Parent) names.Insert(0, c.Parent is null ? "lazymmu" : c.Command.Name);
        return string.Join(" ", names);
    }
}
