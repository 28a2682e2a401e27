using LazyMmuGen.Runtime;
using LazyMmuGen.Simulator.Costs;

namespace LazyMmuGen.Simulator.Calibration;

/// <summary>One measured size of a calibrated profile: what was published, what the model (the profile as stored) gives.</summary>
public sealed record CalibrationRow(int Size, bool Fitted, double Measured, double Model)
{
    /// <summary>Model minus measured, in percentage points.</summary>
    public double Residual => Model - Measured;
}

/// <summary>A calibrated profile against its measurement: the rows, the stored and the freshly fitted parameters.</summary>
public sealed record CalibrationResult(
    CostProfile Profile,
    CalibrationSpec Spec,
    ArchInfo Arch,
    CostTable Table,
    IReadOnlyList<CalibrationRow> Rows,
    IReadOnlyList<double> Stored,
    IReadOnlyList<double> Fitted)
{
    /// <summary>Held-out predictions are judged against this many percentage points.</summary>
    public const double TargetPoints = 4;

    /// <summary>Stored values are the fit rounded to this many decimals (0.1 cycle).</summary>
    public const int StoredDecimals = 1;

    public IEnumerable<CalibrationRow> Predicted => Rows.Where(r => !r.Fitted);

    public double WorstHeldOut => Predicted.Select(r => Math.Abs(r.Residual)).DefaultIfEmpty(0).Max();

    /// <summary>Whether the profile's stored free parameters are the fit, rounded as stored.</summary>
    public bool StoredIsCurrent => Stored.Zip(Fitted).All(p => p.First == Math.Round(p.Second, StoredDecimals));

    /// <summary>The model's change in time at any size, for the chart's curve.</summary>
    public double ModelAt(int size) => CalibrationFit.ModelChange(Spec, Table, Arch, size);
}

/// <summary>Runs the calibration of profiles that carry one (apple-m2, ampere-altra).</summary>
public static class CalibrationRunner
{
    /// <summary>The built-in profiles that carry a calibration, in <see cref="CostProfiles.Names"/> order.</summary>
    public static IReadOnlyList<CostProfile> CalibratedBuiltins() =>
        CostProfiles.Names.Select(CostProfiles.Builtin).Where(p => p.Calibration is not null).ToList();

    /// <summary>
    /// Fits <paramref name="profile"/>'s free parameters on its fit sizes, then compares the profile as priced by
    /// <paramref name="table"/> (the profile's table, or it with <c>--costs</c> overrides) with every measured size.
    /// </summary>
    public static CalibrationResult Run(CostProfile profile, CostTable table, Func<string, ArchInfo?> findArch)
    {
        var spec = profile.Calibration ?? throw new CostTableException($"profile '{profile.Name}' carries no calibration (no \"calibration\" section); the calibrated profiles are {string.Join(", ", CalibratedBuiltins().Select(p => p.Name))}.");
        var arch = findArch(spec.Arch) ?? throw new CostTableException($"profile '{profile.Name}' is calibrated on arch '{spec.Arch}', which is not loaded; leave out --no-builtins, or give a descriptor of '{spec.Arch}'.");
        var fitted = CalibrationFit.Fit(spec, table, arch);
        var rows = spec.Measured
            .Select(m => new CalibrationRow(m.Size, spec.IsFitted(m.Size), m.ChangePercent, CalibrationFit.ModelChange(spec, table, arch, m.Size)))
            .ToList();
        return new CalibrationResult(profile, spec, arch, table, rows, [.. spec.Free.Select(e => table[e])], fitted);
    }
}
