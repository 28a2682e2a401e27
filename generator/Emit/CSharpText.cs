using System;
using System.Globalization;
using System.Text;

namespace LazyMmuGen.Generator.Emit;

/// <summary>
/// The only way descriptor text reaches generated code. Output is pure ASCII with every other
/// character \u-escaped, so no quote, newline or Unicode trick can end a literal or a comment early.
/// </summary>
public static class CSharpText
{
    public static string Literal(string text) =>
        "\"" + Escape(text, c => c switch { '"' => "\\\"", '\\' => "\\\\", _ => null }) + "\"";

    /// <summary>Text for a /// comment: one line, XML-escaped, ASCII (others become \u escapes as text).</summary>
    public static string Doc(string text) =>
        Escape(text, c => c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => null });

    private static string Escape(string text, Func<char, string?> special)
    {
        var builder = new StringBuilder(text.Length + 2);
        foreach (var c in text)
        {
            if (special(c) is { } replacement) builder.Append(replacement);
            else if (c < 0x20 || c > 0x7E) builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        return builder.ToString();
    }
}
