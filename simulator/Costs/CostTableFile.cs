using System.Text.Json;

namespace LazyMmuGen.Simulator.Costs;

/// <summary>
/// Reads a cost override file (<c>--costs FILE</c>): a JSON object of entry name → cycles, where an entry is an
/// effect or a base-work item, e.g. {"dsb": 40, "hypercall": 2500, "base_page": 120}. It replaces only the entries it
/// names, on top of the chosen profile.
/// </summary>
public static class CostTableFile
{
    public static CostTable Load(string path, CostTable defaults) => Parse(ReadText(path), defaults, path);

    /// <summary>Applies the overrides in <paramref name="json"/> to <paramref name="defaults"/>; unknown names are errors.</summary>
    public static CostTable Parse(string json, CostTable defaults, string source = "costs")
    {
        using var document = ParseDocument(json, source);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new CostTableException($"{source}: expected a JSON object such as {{\"dsb\": 40}}, got {document.RootElement.ValueKind}");
        var overrides = new Dictionary<CostEntry, double>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var entry = Entry(property.Name, source);
            overrides[entry] = Cycles(property.Value, $"'{property.Name}'", source);
        }
        return defaults.With(overrides);
    }

    internal static string ReadText(string path)
    {
        // In the tool's words, not .NET's: a folder reads as "access denied" on Linux.
        if (Directory.Exists(path)) throw new CostTableException($"{path}: this is a folder; give the path of a JSON file");
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CostTableException($"{path}: no such file");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CostTableException($"{path}: cannot be read (permission denied)");
        }
        catch (IOException e)
        {
            throw new CostTableException($"{path}: {e.Message}");
        }
    }

    internal static JsonDocument ParseDocument(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            // file(line,col) as every other located error of the tool, not System.Text.Json's "LineNumber: 0 | BytePositionInLine: 0".
            var message = e.Message;
            foreach (var tail in new[] { " Path: ", " LineNumber: " })
                if (message.IndexOf(tail, StringComparison.Ordinal) is var at and > 0) message = message[..at];
            var where = e.LineNumber is { } line ? $"({line + 1},{(e.BytePositionInLine ?? 0) + 1})" : "";
            // System.Text.Json quotes the offending text, which may hold a line break: one error is one line.
            message = string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd();
            throw new CostTableException($"{source}{where}: not valid JSON: {message}");
        }
    }

    internal static CostEntry Entry(string name, string source) =>
        CostEntry.TryParse(name, out var entry) ? entry
        : throw new CostTableException($"{source}: unknown effect '{name}'. Known effects and base work: {CostEntry.KnownNames}");

    internal static double Cycles(JsonElement value, string what, string source) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var cycles) && double.IsFinite(cycles) && cycles >= 0 ? cycles
        : throw new CostTableException($"{source}: {what} must be a number of cycles >= 0, got {value.GetRawText()}");
}
