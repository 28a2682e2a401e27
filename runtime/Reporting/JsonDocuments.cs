namespace LazyMmuGen.Runtime.Reporting;

/// <summary>
/// The two JSON shapes every command offers: `json` is one document (an array of the objects, which any JSON
/// parser reads whole) and `jsonl` is JSON Lines (one object per line, for streaming and grep).
/// </summary>
public static class JsonDocuments
{
    /// <summary>The two JSON format names, "json" and "jsonl", in the order help text lists them.</summary>
    public static readonly string[] Formats = ["json", "jsonl"];

    /// <summary>Writes already-serialised objects in <paramref name="format"/> ("json" or "jsonl").</summary>
    /// <param name="format">"jsonl" for one object per line; anything else writes one JSON array.</param>
    /// <param name="objects">The objects, each already a JSON text on one line.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(string format, IEnumerable<string> objects, TextWriter output)
    {
        if (format == "jsonl")
        {
            foreach (var line in objects) output.WriteLine(line);
            return;
        }
        output.Write('[');
        var first = true;
        foreach (var item in objects)
        {
            output.Write(first ? "\n  " : ",\n  ");
            output.Write(item);
            first = false;
        }
        output.WriteLine(first ? "]" : "\n]");
    }
}
