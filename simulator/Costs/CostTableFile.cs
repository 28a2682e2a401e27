using System.Text.Json;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Simulator.Costs;

/// <summary>Reads a cost override file: a JSON object of effect name → cycles, e.g. {"dsb": 40, "hypercall": 2500}.</summary>
public static class CostTableFile
{
    public static CostTable Load(string path, CostTable defaults)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CostTableException($"{path}: {e.Message}");
        }
        return Parse(text, defaults, path);
    }

    /// <summary>Applies the overrides in <paramref name="json"/> to <paramref name="defaults"/>; unknown names are errors.</summary>
    public static CostTable Parse(string json, CostTable defaults, string source = "costs")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new CostTableException($"{source}: not valid JSON: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new CostTableException($"{source}: expected a JSON object such as {{\"dsb\": 40}}, got {document.RootElement.ValueKind}");
            var overrides = new Dictionary<Effect, double>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!EffectNames.TryParse(property.Name, out var effect))
                    throw new CostTableException($"{source}: unknown effect '{property.Name}'. Known effects: {string.Join(", ", EffectNames.All.Select(EffectNames.Of))}");
                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var cycles) || !double.IsFinite(cycles) || cycles < 0)
                    throw new CostTableException($"{source}: '{property.Name}' must be a number of cycles >= 0, got {property.Value.GetRawText()}");
                overrides[effect] = cycles;
            }
            return defaults.With(overrides);
        }
    }
}
