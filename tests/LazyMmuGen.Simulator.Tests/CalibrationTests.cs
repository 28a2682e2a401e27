namespace LazyMmuGen.Simulator.Tests;

/// <summary>
/// The fit (least squares over the fit sizes only) and what `simulate --calibration` reports: fixed inputs give fixed
/// parameters, a model generated from known parameters gives them back, the profile files hold the current fit, and
/// the held-out sizes land within the 4-point target.
/// </summary>
public class CalibrationTests
{
    private static readonly ArchInfo Arm64 = LazyMmuArchRegistry.Find("arm64")!;

    private static CalibrationSpec Spec(params (int Size, double Change)[] measured) => new(
        "test machine", "test-vmalloc-fix-size", "arm64", SimMode.Eager, SimMode.Final,
        [CostEntry.Of(BaseWork.Call), CostEntry.Of(BaseWork.Page), CostEntry.Of(BaseWork.LazySection)],
        [1, 16, 512], [.. measured.Select(m => new MeasuredPoint(m.Size, m.Change))], "test");

    [Fact]
    public void Fixed_inputs_give_fixed_parameters()
    {
        // The cover letter's Apple M2 and Ampere Altra columns at p = 1, 16, 512, with dsb 40, isb 20, pte_write 5 fixed.
        var m2 = CalibrationFit.Fit(Spec((1, 2.14), (16, -25.07), (512, -31.96)), CostTable.Default, Arm64);
        var altra = CalibrationFit.Fit(Spec((1, 1.79), (16, -14.24), (512, -20.04)), CostTable.Default, Arm64);
        Assert.Equal([555.13, 115.72, 7.93], m2.Select(v => Math.Round(v, 2)));
        Assert.Equal([1389.60, 224.93, 15.08], altra.Select(v => Math.Round(v, 2)));
    }

    [Fact]
    public void A_model_built_from_known_parameters_is_fitted_back_exactly()
    {
        var truth = CostTable.Default.With(new Dictionary<CostEntry, double>
        {
            [CostEntry.Of(BaseWork.Call)] = 1000, [CostEntry.Of(BaseWork.Page)] = 200, [CostEntry.Of(BaseWork.LazySection)] = 10,
        });
        var spec = Spec((1, 0), (16, 0), (512, 0));
        var measured = spec.FitSizes.Select(p => (p, CalibrationFit.ModelChange(spec, truth, Arm64, p))).ToArray();
        var fitted = CalibrationFit.Fit(Spec(measured), CostTable.Default, Arm64);
        Assert.Equal(1000, fitted[0], 6);
        Assert.Equal(200, fitted[1], 6);
        Assert.Equal(10, fitted[2], 6);
    }

    [Fact]
    public void Least_squares_solves_an_overdetermined_system_and_refuses_a_dependent_one()
    {
        // y = 2a + 3b at four points, exactly: least squares returns (2, 3).
        var fit = CalibrationFit.Solve([[1, 0], [0, 1], [1, 1], [2, 1]], [2, 3, 5, 7]);
        Assert.Equal(2, fit[0], 9);
        Assert.Equal(3, fit[1], 9);
        var e = Assert.Throws<CostTableException>(() => CalibrationFit.Solve([[1, 2], [2, 4], [3, 6]], [1, 2, 3]));
        Assert.Contains("cannot tell apart the free parameters", e.Message);
    }

    [Fact]
    public void The_profile_files_hold_the_current_fit()
    {
        foreach (var r in Calibrations.Builtins())
        {
            Assert.True(r.StoredIsCurrent, $"simulator/Profiles/{r.Profile.Name}.json holds {string.Join(", ", r.Stored)}; the fit gives "
                + string.Join(", ", r.Fitted.Select(v => Math.Round(v, CalibrationResult.StoredDecimals))) + " (`lazymmu simulate --calibration` prints them)");
        }
    }

    [Fact]
    public void Held_out_sizes_are_predicted_within_four_points_and_fitted_sizes_reproduced()
    {
        var results = Calibrations.Builtins();
        Assert.Equal(["apple-m2", "ampere-altra"], results.Select(r => r.Profile.Name));
        foreach (var r in results)
        {
            Assert.Equal([4, 64, 256], r.Predicted.Select(row => row.Size));
            Assert.All(r.Predicted, row => Assert.True(Math.Abs(row.Residual) <= CalibrationResult.TargetPoints, $"{r.Profile.Name} p = {row.Size}: {row.Residual:0.00}"));
            // Only the stored values' rounding to 0.1 cycle separates the fitted sizes from the measurement.
            Assert.All(r.Rows.Where(row => row.Fitted), row => Assert.True(Math.Abs(row.Residual) < 0.02, $"{r.Profile.Name} p = {row.Size}: {row.Residual}"));
        }
        // The honest figures (docs/simulate.md): Apple M2's worst is p = 4, 2.72 points too fast.
        Assert.Equal(-2.72, Math.Round(results[0].Rows.Single(row => row.Size == 4).Residual, 2));
        Assert.Equal(2.72, Math.Round(results[0].WorstHeldOut, 2));
        Assert.Equal(1.03, Math.Round(results[1].WorstHeldOut, 2));
    }

    [Fact]
    public void The_report_prints_measured_beside_model_marks_fitted_and_predicted_and_the_residuals()
    {
        var writer = new StringWriter();
        CalibrationReport.Write("table", Calibrations.Builtins(), writer);
        var lines = writer.ToString().Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l.TrimEnd(), " {2,}", " ")).ToList();
        Assert.Contains("profile | machine | p | size is | measured | model | residual", lines);
        Assert.Contains("apple-m2 | Apple M2 | 4 | predicted | -9.93 % | -12.65 % | -2.72", lines);
        Assert.Contains("apple-m2 | Apple M2 | 16 | fitted | -25.07 % | -25.07 % | +0.00", lines);
        Assert.Contains("ampere-altra | Ampere Altra | 64 | predicted | -19.30 % | -18.51 % | +0.79", lines);
        Assert.Contains("apple-m2 | 555.1 | 115.7 | 7.9 | matches this fit", lines);
        Assert.Contains(lines, l => l.StartsWith("free parameters (cycles), fitted by least squares on p = 1, 16, 512 only; fixed: dsb 40, isb 20, pte_write 5"));
        Assert.Contains(lines, l => l.StartsWith(" apple-m2: worst 2.72 points at p = 4") && l.EndsWith("within target"));
    }

    [Fact]
    public void The_calibration_chart_is_byte_identical_from_run_to_run_and_carries_its_data()
    {
        var results = Calibrations.Builtins();
        var svg = Output.CalibrationChart.Render(results);
        Assert.Equal(svg, Output.CalibrationChart.Render(results));
        var data = Output.ChartSvg.DataOf(svg)!.Split('\n');
        Assert.Equal("profile,machine,series,size,change_percent", data[0]);
        Assert.Contains("apple-m2,Apple M2,measured-held-out,4,-9.93", data);
        Assert.Contains("ampere-altra,Ampere Altra,measured-fitted,512,-20.04", data);
        Assert.Contains(data, l => l.StartsWith("apple-m2,Apple M2,model,257,"));
    }
}
