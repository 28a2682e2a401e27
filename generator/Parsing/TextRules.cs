using System.Globalization;
using System.Text;

namespace LazyMmuGen.Generator.Parsing;

/// <summary>Free text (the summary) is escaped on output, but characters that hide code are refused outright.</summary>
public static class TextRules
{
    /// <summary>Null when the text is safe, otherwise a description of the first bad character.</summary>
    public static string? Problem(string text)
    {
        foreach (var c in text)
        {
            if (c == '\n' || c == '\t' || c == '\r') continue;
            var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            if (char.IsControl(c)) return $"a control character (U+{code})";
            if (c == '\u2028' || c == '\u2029') return $"a line separator (U+{code})";
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F' || c == '\u061C')
                return $"a bidirectional-override character (U+{code}), which can make code read differently than it compiles";
        }
        return null;
    }

    /// <summary>Collapses whitespace runs (folded YAML, newlines) to single spaces.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
