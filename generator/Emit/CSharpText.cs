using System.Globalization;
using System.Text;

namespace LazyMmuGen.Generator.Emit;

/// <summary>
/// The only way descriptor text reaches generated code. Literals are pure ASCII with every other
/// character \u-escaped, so no quote, newline or Unicode trick can end the literal early.
/// </summary>
public static class CSharpText
{
    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                default:
                    if (c < 0x20 || c > 0x7E) builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>Text for a /// comment: one line, XML-escaped, ASCII (others become \u escapes as text).</summary>
    public static string Doc(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default:
                    if (c < 0x20 || c > 0x7E) builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }
}
