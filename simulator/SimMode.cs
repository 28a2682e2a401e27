using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Reporting;

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

    /// <summary>
    /// Seed v2, "[PATCH v2 2/7] mm: introduce local state for lazy_mmu sections": enter() returns a state the
    /// caller passes to leave(); pause/resume do not nest. Not part of 'all': name it (--mode v2).
    /// </summary>
    V2,
}

public static class SimModes
{
    /// <summary>What 'all' runs: the published summary tables and charts (docs/simulate.md) cover these.</summary>
    public static IReadOnlyList<SimMode> All { get; } = [SimMode.Eager, SimMode.Legacy, SimMode.Final, SimMode.V3];

    /// <summary>Every mode --mode accepts by name: <see cref="All"/> plus v2.</summary>
    public static IReadOnlyList<SimMode> Known { get; } = [.. All, SimMode.V2];

    public static string Name(this SimMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>The generic layer a lazy mode runs on (eager makes no calls, so any revision will do).</summary>
    public static GenericRevision Revision(this SimMode mode) => mode switch
    {
        SimMode.Legacy => GenericRevision.Legacy,
        SimMode.V3 => GenericRevision.V3,
        SimMode.V2 => GenericRevision.V2,
        _ => GenericRevision.Final,
    };

    /// <summary>Parses "all" or a comma-separated list such as "eager,final"; null with a message when a name is unknown or an item empty.</summary>
    /// <param name="text">What --mode was given.</param>
    /// <param name="error">Why it does not parse, or null.</param>
    /// <param name="suggest">
    /// The tool's "did you mean" (a sentence to put after the first, or ""), given the unknown name and the known
    /// ones: the simulator names no spelling rule of its own.
    /// </param>
    public static IReadOnlyList<SimMode>? Parse(string text, out string? error, Func<string, IEnumerable<string>, string>? suggest = null)
    {
        var known = $"Modes: {string.Join(", ", Known.Select(m => m.Name()))}, or 'all' ({string.Join(", ", All.Select(m => m.Name()))}).";
        if (NameList.Split(text, "--mode", "final,v3", out error) is not { } names)
        {
            error += " " + known;
            return null;
        }
        var modes = NameList.Resolve(names, Known, m => m.Name(), All, out var unknown);
        if (modes is null) error = $"unknown mode '{unknown}'.{suggest?.Invoke(unknown!, Known.Select(m => m.Name()).Append(NameList.All))} {known}";
        return modes;
    }
}
