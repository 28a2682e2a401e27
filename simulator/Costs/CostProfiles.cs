using System.Text.Json;

namespace LazyMmuGen.Simulator.Costs;

/// <summary>
/// The built-in cost profiles (simulator/Profiles/NAME.json, embedded in the assembly) and profile files given by
/// path. A profile may inherit another built-in one and replace some of its entries; <c>default</c> inherits none
/// and prices every entry. Order of precedence, lowest first: the inherited profile, the profile's own entries,
/// then <c>--costs FILE</c> (<see cref="CostTableFile"/>).
/// </summary>
public static class CostProfiles
{
    public const string DefaultName = "default";

    /// <summary>The built-in profiles, in the order help and docs list them.</summary>
    public static IReadOnlyList<string> Names { get; } = [DefaultName, "apple-m2", "ampere-altra"];

    private static readonly Lazy<CostProfile> DefaultProfile = new(() => Builtin(DefaultName));

    public static CostProfile Default => DefaultProfile.Value;

    /// <summary>A built-in profile by name, or a profile file by path; a clear <see cref="CostTableException"/> otherwise.</summary>
    /// <param name="nameOrPath">What --profile was given.</param>
    /// <param name="suggest">The tool's "did you mean" for a name that is not a profile (see <see cref="SimModes.Parse"/>).</param>
    public static CostProfile Resolve(string nameOrPath, Func<string, IEnumerable<string>, string>? suggest = null)
    {
        if (Names.Contains(nameOrPath)) return Builtin(nameOrPath);
        if (File.Exists(nameOrPath) || Directory.Exists(nameOrPath) || nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || nameOrPath.Contains('/'))
            return Parse(CostTableFile.ReadText(nameOrPath), nameOrPath);
        throw new CostTableException($"unknown profile '{nameOrPath}'.{suggest?.Invoke(nameOrPath, Names)} Profiles: {string.Join(", ", Names)}, or the path of a profile file (*.json).");
    }

    public static CostProfile Builtin(string name)
    {
        if (name == DefaultName && DefaultProfile.IsValueCreated) return DefaultProfile.Value;
        var resource = $"profiles/{name}.json";
        using var stream = typeof(CostProfiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new CostTableException($"unknown profile '{name}'. Profiles: {string.Join(", ", Names)}");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"simulator/Profiles/{name}.json");
    }

    /// <summary>Parses a profile; <paramref name="source"/> names it in every error message.</summary>
    public static CostProfile Parse(string json, string source)
    {
        using var document = CostTableFile.ParseDocument(json, source);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new CostTableException($"{source}: a profile is a JSON object with \"profile\", \"summary\" and \"costs\", got {root.ValueKind}");
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not ("profile" or "summary" or "inherits" or "costs" or "calibration"))
                throw new CostTableException($"{source}: unknown key '{property.Name}'. A profile has: profile, summary, inherits, costs, calibration");
        }
        var name = RequiredString(root, "profile", source);
        var summary = RequiredString(root, "summary", source);
        var inherits = root.TryGetProperty("inherits", out var i) ? String(i, "inherits", source) : null;
        if (inherits == name) throw new CostTableException($"{source}: a profile cannot inherit itself");
        var parent = inherits is null ? null : Names.Contains(inherits) ? Builtin(inherits)
            : throw new CostTableException($"{source}: 'inherits' names no built-in profile: '{inherits}'. Profiles: {string.Join(", ", Names)}");

        if (!root.TryGetProperty("costs", out var costs) || costs.ValueKind != JsonValueKind.Object)
            throw new CostTableException($"{source}: 'costs' must be an object of entry name → {{\"cycles\": N, \"source\": \"...\"}}");
        var overrides = new Dictionary<CostEntry, double>();
        var sources = new Dictionary<string, string>(parent?.Sources ?? new Dictionary<string, string>());
        foreach (var property in costs.EnumerateObject())
        {
            var entry = CostTableFile.Entry(property.Name, source);
            var what = $"costs.{property.Name}";
            if (property.Value.ValueKind != JsonValueKind.Object)
                throw new CostTableException($"{source}: {what} must be an object {{\"cycles\": N, \"source\": \"where N comes from\"}}, got {property.Value.GetRawText()}");
            if (!property.Value.TryGetProperty("cycles", out var cycles))
                throw new CostTableException($"{source}: {what} has no \"cycles\"");
            overrides[entry] = CostTableFile.Cycles(cycles, what + ".cycles", source);
            var from = property.Value.TryGetProperty("source", out var s) ? String(s, what + ".source", source) : "";
            if (string.IsNullOrWhiteSpace(from))
                throw new CostTableException($"{source}: {what} has no \"source\": every number in a profile says where it comes from");
            sources[entry.Name] = from;
        }
        if (parent is null)
        {
            // Effects are priced by their declarations (mechanism.yaml, MachineEffects); base work only by profiles.
            var missing = CostEntry.All.Where(e => e.Work is not null && !overrides.ContainsKey(e)).Select(e => e.Name).ToList();
            if (missing.Count > 0)
                throw new CostTableException($"{source}: a profile that inherits none must price every base-work entry; missing: {string.Join(", ", missing)}");
        }
        var table = (parent?.Table ?? CostTable.Declared).With(overrides);
        var calibration = root.TryGetProperty("calibration", out var c) ? Calibration(c, source, overrides) : null;
        return new CostProfile(name, summary, inherits, table, sources, calibration);
    }

    private static CalibrationSpec Calibration(JsonElement c, string source, IReadOnlyDictionary<CostEntry, double> own)
    {
        const string at = "calibration";
        if (c.ValueKind != JsonValueKind.Object) throw new CostTableException($"{source}: '{at}' must be an object");
        var machine = RequiredString(c, "machine", source, at);
        var workload = RequiredString(c, "workload", source, at);
        var arch = RequiredString(c, "arch", source, at);
        var baseline = Mode(RequiredString(c, "baseline", source, at), source, at + ".baseline");
        var mode = Mode(RequiredString(c, "mode", source, at), source, at + ".mode");
        var from = RequiredString(c, "source", source, at);
        var free = Array(c, "free", source, at).Select(e => CostTableFile.Entry(String(e, at + ".free", source)!, source)).ToList();
        if (free.Count is 0 or > CalibrationSpec.MaxFree)
            throw new CostTableException($"{source}: {at}.free names {free.Count} parameters; a profile has 1 to {CalibrationSpec.MaxFree}");
        if (free.Distinct().Count() != free.Count) throw new CostTableException($"{source}: {at}.free names a parameter twice");
        foreach (var entry in free.Where(e => !own.ContainsKey(e)))
            throw new CostTableException($"{source}: free parameter '{entry.Name}' has no fitted value in 'costs'");
        var fitSizes = Array(c, "fit_sizes", source, at).Select(e => Size(e, at + ".fit_sizes", source)).ToList();
        if (!c.TryGetProperty("measured", out var measuredElement) || measuredElement.ValueKind != JsonValueKind.Object)
            throw new CostTableException($"{source}: {at}.measured must be an object of size → change in percent, e.g. {{\"1\": 2.14}}");
        var measured = new List<MeasuredPoint>();
        foreach (var point in measuredElement.EnumerateObject())
        {
            if (!int.TryParse(point.Name, out var size) || size < 1)
                throw new CostTableException($"{source}: {at}.measured: '{point.Name}' is not a size (pages per call, >= 1)");
            if (point.Value.ValueKind != JsonValueKind.Number || !point.Value.TryGetDouble(out var change) || !double.IsFinite(change))
                throw new CostTableException($"{source}: {at}.measured.{point.Name} must be a number (percent), got {point.Value.GetRawText()}");
            measured.Add(new MeasuredPoint(size, change));
        }
        measured.Sort((a, b) => a.Size.CompareTo(b.Size));
        foreach (var size in fitSizes.Where(s => measured.All(m => m.Size != s)))
            throw new CostTableException($"{source}: {at}.fit_sizes has {size}, which {at}.measured does not");
        if (fitSizes.Count < free.Count)
            throw new CostTableException($"{source}: {free.Count} free parameters need at least {free.Count} fitted sizes, got {fitSizes.Count}");
        return new CalibrationSpec(machine, workload, arch, baseline, mode, free, fitSizes, measured, from);
    }

    private static SimMode Mode(string text, string source, string what)
    {
        // One mode, not a list or 'all': a calibration is fitted to one revision's measurement.
        string? error = null;
        if (!text.Contains(',') && SimModes.Parse(text, out error) is [var mode]) return mode;
        throw new CostTableException($"{source}: {what}: {error ?? $"one mode, e.g. final (got '{text}')"}");
    }

    private static int Size(JsonElement e, string what, string source) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var size) && size >= 1 ? size
        : throw new CostTableException($"{source}: {what} must hold sizes >= 1, got {e.GetRawText()}");

    private static IEnumerable<JsonElement> Array(JsonElement parent, string key, string source, string at) =>
        parent.TryGetProperty(key, out var e) && e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().ToList()
        : throw new CostTableException($"{source}: {at}.{key} must be an array");

    private static string RequiredString(JsonElement parent, string key, string source, string? at = null)
    {
        var what = at is null ? key : $"{at}.{key}";
        return parent.TryGetProperty(key, out var e) && String(e, what, source) is { Length: > 0 } s ? s
            : throw new CostTableException($"{source}: '{what}' is missing or empty");
    }

    private static string? String(JsonElement e, string what, string source) =>
        e.ValueKind == JsonValueKind.String ? e.GetString() : throw new CostTableException($"{source}: '{what}' must be a string, got {e.GetRawText()}");
}
