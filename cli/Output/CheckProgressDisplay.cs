using System.Diagnostics;
using System.Globalization;
using LazyMmuGen.Checker;
using LazyMmuGen.Checker.Progress;

namespace LazyMmuGen.Cli.Output;

/// <summary>
/// `check`'s progress on standard error, weighted by work (<see cref="WorkEstimate"/>): states expanded so far out of
/// the estimated total, per arch and over all arches. On a terminal it is one line rewritten four times a second
/// (with a time estimate) and erased before the results; elsewhere nothing is printed unless asked (--progress), and
/// then one line per finished depth and per finished arch, with no timings, so logs are the same from run to run.
/// </summary>
public sealed class CheckProgressDisplay : IDisposable
{
    private readonly TextWriter output;
    private readonly bool live;
    private readonly IReadOnlyList<string> arches;
    private readonly CheckProgress?[] trackers;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly object gate = new();
    private readonly Timer? timer;
    private int current = -1;
    private int width;
    private bool disposed;

    private CheckProgressDisplay(TextWriter output, bool live, IReadOnlyList<string> arches)
    {
        this.output = output;
        this.live = live;
        this.arches = arches;
        trackers = new CheckProgress?[arches.Count];
        if (live) timer = new Timer(_ => Redraw(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    /// <summary>A live line when standard error is a terminal, per-depth lines when <paramref name="asked"/>, else null (no progress).</summary>
    public static CheckProgressDisplay? Create(bool asked, IReadOnlyList<string> arches)
    {
        if (!Console.IsErrorRedirected) return new CheckProgressDisplay(Console.Error, live: true, arches);
        return asked ? new CheckProgressDisplay(Console.Error, live: false, arches) : null;
    }

    /// <summary>The options for arch <paramref name="index"/>'s check, with a tracker (and, for line output, a per-depth callback).</summary>
    public CheckOptions Begin(int index, CheckOptions options)
    {
        var tracker = new CheckProgress();
        lock (gate)
        {
            trackers[index] = tracker;
            current = index;
        }
        return live ? options with { Tracker = tracker } : options with
        {
            Tracker = tracker,
            Progress = (depth, _, _) => WriteLine(Describe($"depth {depth}/{options.Depth} done")),
        };
    }

    /// <summary>Arch <paramref name="index"/>'s check returned; for line output, a last line when it stopped before its depth (a violation, or no new states).</summary>
    public void End(int index)
    {
        var snapshot = trackers[index]!.Read();
        if (!live && snapshot.Frontiers.Count <= snapshot.MaxDepth)
            WriteLine(Describe($"stopped at depth {snapshot.Depth}/{snapshot.MaxDepth}"));
    }

    /// <summary>
    /// The current arch's progress text (<see cref="Describe(IReadOnlyList{string}, IReadOnlyList{CheckProgress.Snapshot?}, int, string?, double?)"/>).
    /// The "all arches" figure never goes back: a new arch's first estimate may still be high, and a bar that
    /// falls from 50 % to 8 % says the run went backwards, which it did not.
    /// </summary>
    private string Describe(string? stage)
    {
        var snapshots = new CheckProgress.Snapshot?[arches.Count];
        int index;
        double overall;
        lock (gate)
        {
            index = current;
            for (var i = 0; i < arches.Count; i++) snapshots[i] = trackers[i]?.Read();
            overall = shownOverall = Math.Max(shownOverall, Overall(snapshots) ?? 0);
        }
        return Describe(arches, snapshots, index, stage, overall);
    }

    // The largest "all arches" fraction shown so far.
    private double shownOverall;

    /// <summary>
    /// "arm64 (1/10) depth 5/6: 3020 of ~13431 states expanded (22%); all arches 2%" for arch <paramref name="index"/>
    /// given every arch's counters (null: not started); no "all arches" for a single arch.
    /// </summary>
    /// <param name="stage">Replaces "depth 5/6" (e.g. "depth 5/6 done"); null for the depth being expanded.</param>
    /// <param name="overall">The "all arches" fraction to show; null to compute it (<see cref="Overall"/>).</param>
    public static string Describe(IReadOnlyList<string> arches, IReadOnlyList<CheckProgress.Snapshot?> snapshots, int index, string? stage = null, double? overall = null)
    {
        var s = snapshots[index]!;
        var total = s.EstimatedTotalWith(Prior(snapshots));
        var text = string.Create(CultureInfo.InvariantCulture, $"{arches[index]} ({index + 1}/{arches.Count}) {stage ?? $"depth {s.Depth}/{s.MaxDepth}"}: ");
        text += total is { } t
            ? string.Create(CultureInfo.InvariantCulture, $"{s.Expanded} of {(s.Finished || t == s.Expanded ? "" : "~")}{t} states expanded ({Percent(WorkEstimate.Fraction(s.Expanded, t))})")
            : string.Create(CultureInfo.InvariantCulture, $"{s.Expanded} states expanded");
        return arches.Count == 1 ? text : text + "; all arches " + Percent(overall ?? Overall(snapshots));
    }

    /// <summary>
    /// The done fraction over every arch: expanded states ÷ <see cref="WorkEstimate.Overall"/>, each arch's total
    /// estimated with the growth the arches already finished showed (<see cref="Prior"/>).
    /// </summary>
    public static double? Overall(IReadOnlyList<CheckProgress.Snapshot?> snapshots)
    {
        var prior = Prior(snapshots);
        return WorkEstimate.Fraction(snapshots.Sum(s => s?.Expanded ?? 0), WorkEstimate.Overall(snapshots.Select(s => s?.EstimatedTotalWith(prior)).ToList()));
    }

    /// <summary>The growth per depth of the arches whose checks finished (<see cref="WorkEstimate.Ratios"/>), or null.</summary>
    private static IReadOnlyList<double>? Prior(IReadOnlyList<CheckProgress.Snapshot?> snapshots) =>
        WorkEstimate.Ratios(snapshots.Where(s => s is { Finished: true }).Select(s => s!.Frontiers).ToList());

    private static string Percent(double? fraction) =>
        fraction is { } f ? ((int)Math.Floor(f * 100)).ToString(CultureInfo.InvariantCulture) + "%" : "?%";

    private void WriteLine(string line)
    {
        lock (gate)
        {
            if (!disposed) output.WriteLine(line);
        }
    }

    private void Redraw()
    {
        lock (gate)
        {
            if (disposed || current < 0) return;
            var line = Describe(stage: null);
            var snapshots = trackers.Select(t => t?.Read()).ToList();
            var f = Overall(snapshots) ?? 0;
            if (f is > 0.01 and < 1)
            {
                var left = TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds * (1 - f) / f);
                line += left.TotalMinutes >= 1 ? $", about {(int)left.TotalMinutes} min {left.Seconds} s left" : $", about {left.Seconds} s left";
            }
            if (width == 0) width = TerminalWidth();
            if (line.Length > width - 1) line = line[..(width - 1)];
            output.Write("\r" + line + "\u001b[K");
            output.Flush();
        }
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 10 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    /// <summary>Stops the live line and erases it, so the results start on a clean line.</summary>
    public void Dispose()
    {
        timer?.Dispose();
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            if (live && current >= 0)
            {
                output.Write("\r\u001b[K");
                output.Flush();
            }
        }
    }
}
