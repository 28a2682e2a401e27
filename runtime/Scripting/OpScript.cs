using System.Globalization;

namespace LazyMmuGen.Runtime.Scripting;

/// <summary>
/// Parses "enable;set_pte(kind=user,addr=0x2000);disable": ops separated by ';', each NAME or
/// NAME(key=value,...). Every error names the 1-based column so a user can find it in a long script.
/// </summary>
public static class OpScript
{
    /// <summary>
    /// Parses a whole script. One trailing ';' is allowed (scripts are often built by appending "op;"), but an empty
    /// op anywhere else (";;", a leading ';') is an error: it is most often an op deleted by mistake, and skipping it
    /// would trace a different script than the one the user meant.
    /// </summary>
    /// <param name="script">The ops, e.g. <see cref="SeedSummary.Script"/>.</param>
    /// <returns>The ops in order, each with its arguments as numbers (words such as kind=user mapped by <see cref="OpCatalog.Words"/>).</returns>
    /// <exception cref="ScriptException">
    /// No op, an unknown op or key, a key given twice, a missing required key, a value that is not a number
    /// (decimal or 0x hex) or an allowed word, or an unclosed '('; <see cref="ScriptException.Column"/> says where.
    /// </exception>
    /// <param name="suggest">" Did you mean 'x'?" for a name and its candidates (the tool's <c>Suggestions.DidYouMean</c>), or null for none.</param>
    public static IReadOnlyList<ScriptOp> Parse(string script, Func<string, IEnumerable<string>, string>? suggest = null)
    {
        if (script.Trim().Length == 0) throw new ScriptException("the script has no ops; write e.g. \"enable;set_pte;disable\"", 1);
        var ops = new List<ScriptOp>();
        var pieces = script.Split(';');
        var start = 0;
        for (var i = 0; i < pieces.Length; i++)
        {
            var piece = pieces[i];
            var trimmed = piece.Trim();
            var column = start + piece.IndexOf(trimmed, StringComparison.Ordinal) + 1;
            if (trimmed.Length > 0) ops.Add(ParseOp(trimmed, column, suggest));
            else if (i < pieces.Length - 1 || i == 0)
                throw new ScriptException($"op {i + 1} is empty; separate ops with one ';', e.g. \"enable;set_pte;disable\"", start + 1);
            start += piece.Length + 1;
        }
        return ops;
    }

    private static ScriptOp ParseOp(string text, int column, Func<string, IEnumerable<string>, string>? suggest)
    {
        var open = text.IndexOf('(');
        var name = (open < 0 ? text : text[..open]).Trim();
        if (!OpCatalog.Keys.TryGetValue(name, out var keys))
            throw new ScriptException($"unknown op '{name}'.{suggest?.Invoke(name, OpCatalog.Keys.Keys)} Known ops: {string.Join(", ", OpCatalog.Keys.Keys)}", column);
        var args = new Dictionary<string, ulong>(StringComparer.Ordinal);
        if (open >= 0)
        {
            if (!text.EndsWith(')'))
                throw new ScriptException($"'{name}(' is not closed with ')'", column + text.Length - 1);
            var body = text[(open + 1)..^1];
            var offset = column + open + 1;
            // "set_pte()" is the op with its defaults, as "set_pte" is.
            foreach (var part in body.Trim().Length == 0 ? [] : body.Split(','))
            {
                if (part.Trim().Length == 0)
                    throw new ScriptException($"'{name}' has an empty argument; write key=value pairs separated by one ','{KeysOf(keys)}, or '{name}' alone for the defaults", offset);
                ParseArg(name, keys, part, offset, args, suggest);
                offset += part.Length + 1;
            }
        }
        foreach (var key in OpCatalog.Required.GetValueOrDefault(name, []))
        {
            if (!args.ContainsKey(key)) throw new ScriptException($"'{name}' needs '{key}=N'", column);
        }
        return new ScriptOp(name, args, column, text);
    }

    private static string KeysOf(string[] keys) => keys.Length == 0 ? " (it takes none)" : $" (its keys: {string.Join(", ", keys)})";

    private static void ParseArg(string op, string[] keys, string part, int column, Dictionary<string, ulong> args, Func<string, IEnumerable<string>, string>? suggest)
    {
        var at = column + part.Length - part.TrimStart().Length;
        var eq = part.IndexOf('=');
        if (eq < 0) throw new ScriptException($"expected key=value in '{part.Trim()}'", at);
        var key = part[..eq].Trim();
        var value = part[(eq + 1)..].Trim();
        if (key.Length == 0) throw new ScriptException($"'{op}' has an argument with no key before '='{KeysOf(keys)}", at);
        if (!keys.Contains(key))
        {
            var known = keys.Length == 0 ? "It takes none." : "Its keys: " + string.Join(", ", keys) + ".";
            throw new ScriptException($"'{op}' has no key '{key}'.{(keys.Length == 0 ? "" : suggest?.Invoke(key, keys))} {known}", at);
        }
        if (args.ContainsKey(key)) throw new ScriptException($"key '{key}' given twice", at);
        args[key] = ParseValue(key, value, at + eq + 1);
    }

    private static ulong ParseValue(string key, string value, int column)
    {
        if (OpCatalog.Words.TryGetValue(key, out var words))
        {
            if (words.TryGetValue(value, out var word)) return word;
            throw new ScriptException($"'{key}' must be one of {string.Join(", ", words.Keys)}, not '{value}'", column);
        }
        var hex = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var digits = hex ? value[2..] : value;
        var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        if (ulong.TryParse(digits, style, CultureInfo.InvariantCulture, out var number)) return number;
        throw new ScriptException($"'{key}' must be a number (decimal or 0x hex), not '{value}'", column);
    }
}
