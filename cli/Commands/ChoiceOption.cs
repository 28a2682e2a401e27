using System.CommandLine;
using LazyMmuGen.Generator.Parsing;

namespace LazyMmuGen.Cli.Commands;

/// <summary>
/// A string option restricted to a few values (--format, --revision): a value outside them is a usage error that names the
/// option, the values and the one meant ("--revision must be one of final, v3, v2, legacy, got 'v4'"), in one line like
/// every other error of the tool, instead of System.CommandLine's message, which names neither.
/// </summary>
public static class ChoiceOption
{
    public static void Restrict(Option<string> option, IReadOnlyList<string> choices)
    {
        option.HelpName = string.Join("|", choices);
        option.CompletionSources.Add(choices.ToArray());
        option.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (text is not null && !choices.Contains(text))
                result.AddError($"{option.Name} must be one of {string.Join(", ", choices)}, got '{text}'.{Suggestions.DidYouMean(text, choices)}");
        });
    }
}
