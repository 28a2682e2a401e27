using LazyMmuGen.Runtime;

namespace LazyMmuGen.Simulator;

/// <summary>How a workload meets the lazy MMU API: not at all (eager), or through one generic-layer revision.</summary>
public enum SimMode
{
    /// <summary>No lazy MMU mode: the same workload with every enable/disable/pause/resume call skipped.</summary>
    Eager,

    /// <summary>arm64's tolerance before nesting support: the first inner leave ends batching.</summary>
    Legacy,

    /// <summary>The merged contract (enable_count/pause_count).</summary>
    Final,

    /// <summary>Seed v3: {count, enabled}; resume re-enters without the range of the outermost enable.</summary>
    V3,
}

public static class SimModes
{
    public static IReadOnlyList<SimMode> All { get; } = [SimMode.Eager, SimMode.Legacy, SimMode.Final, SimMode.V3];

    public static string Name(this SimMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>The generic layer a lazy mode runs on (eager makes no calls, so any revision will do).</summary>
    public static GenericRevision Revision(this SimMode mode) => mode switch
    {
        SimMode.Legacy => GenericRevision.Legacy,
        SimMode.V3 => GenericRevision.V3,
        _ => GenericRevision.Final,
    };

    /// <summary>Parses "all" or a comma-separated list such as "eager,final"; null with a message when a name is unknown.</summary>
    public static IReadOnlyList<SimMode>? Parse(string text, out string? error)
    {
        error = null;
        if (text.Trim() == "all") return All;
        var modes = new List<SimMode>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var mode = All.Where(m => m.Name() == part).Select(m => (SimMode?)m).FirstOrDefault();
            if (mode is null)
            {
                error = $"unknown mode '{part}'. Modes: {string.Join(", ", All.Select(m => m.Name()))}, or 'all'.";
                return null;
            }
            if (!modes.Contains(mode.Value)) modes.Add(mode.Value);
        }
        if (modes.Count == 0) error = "no mode given. Modes: eager, legacy, final, v3, or 'all'.";
        return modes.Count == 0 ? null : modes;
    }
}
