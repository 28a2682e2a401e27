using System.CommandLine;

namespace LazyMmuGen.Cli.Commands;

/// <summary>
/// The tool's options that take a file or folder path (--out, --costs, --project), in one place: an empty value
/// (--out '', as a script with an unset variable writes) is a usage error naming the option, instead of a write to
/// the current folder's default (new-arch) or System.CommandLine's message naming the .NET type ("as expected type
/// 'System.IO.FileInfo'").
/// </summary>
public static class PathOption
{
    /// <summary>An option that is null when not given, else a non-empty path as written.</summary>
    /// <param name="name">E.g. "--out".</param>
    /// <param name="description">The help text.</param>
    public static Option<string?> Create(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            // One token: the option's arity is one value, and System.CommandLine reports a missing one itself.
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (text.Trim().Length > 0) return text;
            result.AddError($"{name} needs a path, got '{text}'.");
            return null;
        },
    };
}
