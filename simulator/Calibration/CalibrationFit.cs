using LazyMmuGen.Runtime;
using LazyMmuGen.Simulator.Costs;
using LazyMmuGen.Simulator.Workloads;
using MathNet.Numerics.LinearAlgebra;

namespace LazyMmuGen.Simulator.Calibration;

/// <summary>
/// Fits a profile's free parameters (<see cref="CalibrationSpec.Free"/>, at most three) to the published change in
/// time per call at the fit sizes only, by linear least squares.
/// </summary>
/// <remarks>
/// <para>The model is the simulator itself. A run's cycles are linear in the prices: T = F + Σⱼ θⱼ·nⱼ, where F prices
/// everything but the free entries at the profile's fixed costs, nⱼ is the run's count of free entry j (its base_call,
/// base_page, lazy_section, or an effect) and θⱼ is that entry's unknown price. For a measured change r at size p
/// (0.0214 for +2.14 %), the model must satisfy T_mode = (1 + r)·T_baseline, which is linear in θ:</para>
/// <code>Σⱼ θⱼ·(nⱼ,mode − (1 + r)·nⱼ,baseline) = (1 + r)·F_baseline − F_mode</code>
/// <para>One such row per fit size gives A·θ = b, solved in the least-squares sense by MathNet.Numerics' QR
/// decomposition (minimising the squared residuals of those rows, in cycles). With as many fit sizes as free
/// parameters (three and three for apple-m2 and ampere-altra) A is square, the least-squares solution is the exact
/// one, and the fitted sizes are reproduced exactly; the other measured sizes are the test. A change in time is a
/// ratio, so it fixes costs only relative to one another: at least one priced entry must stay fixed (the profiles keep
/// dsb and isb) to set the unit of the fitted cycles.</para>
/// </remarks>
public static class CalibrationFit
{
    /// <summary>The fitted price of each free entry, in <see cref="CalibrationSpec.Free"/> order.</summary>
    public static IReadOnlyList<double> Fit(CalibrationSpec spec, CostTable table, ArchInfo arch)
    {
        var workload = Workload(spec);
        var fixedTable = table.With(spec.Free.ToDictionary(e => e, _ => 0.0));
        var rows = new List<double[]>();
        var rhs = new List<double>();
        foreach (var size in spec.FitSizes)
        {
            var measured = spec.Measured.Single(m => m.Size == size);
            var ratio = 1 + measured.ChangePercent / 100;
            var baseline = Run(arch, workload, spec.Baseline, size, fixedTable);
            var mode = Run(arch, workload, spec.Mode, size, fixedTable);
            rows.Add([.. spec.Free.Select(e => e.CountIn(mode.Effects, mode.Work) - ratio * e.CountIn(baseline.Effects, baseline.Work))]);
            rhs.Add(ratio * baseline.Cycles!.Value - mode.Cycles!.Value);
        }
        return Solve(rows, rhs, spec);
    }

    /// <summary>Least squares for A·θ = b (QR); an error when the fit sizes cannot tell the free parameters apart.</summary>
    public static IReadOnlyList<double> Solve(IReadOnlyList<double[]> rows, IReadOnlyList<double> rhs, CalibrationSpec? spec = null)
    {
        var a = Matrix<double>.Build.DenseOfRowArrays(rows);
        if (a.Rank() < a.ColumnCount)
        {
            var free = spec is null ? $"{a.ColumnCount} parameters" : string.Join(", ", spec.Free.Select(e => e.Name));
            throw new CostTableException($"the fit sizes cannot tell apart the free parameters ({free}): their counts are linearly dependent at those sizes");
        }
        var b = Vector<double>.Build.DenseOfEnumerable(rhs);
        return a.QR().Solve(b).ToArray();
    }

    /// <summary>The model's change in time per call at <paramref name="size"/>, in percent: mode against baseline.</summary>
    public static double ModelChange(CalibrationSpec spec, CostTable table, ArchInfo arch, int size)
    {
        var workload = Workload(spec);
        var baseline = Run(arch, workload, spec.Baseline, size, table);
        var mode = Run(arch, workload, spec.Mode, size, table);
        return (mode.Cycles!.Value / baseline.Cycles!.Value - 1) * 100;
    }

    public static IWorkload Workload(CalibrationSpec spec) =>
        WorkloadCatalog.Find(spec.Workload) ?? throw new CostTableException($"calibration names an unknown workload '{spec.Workload}'");

    private static SimulationResult Run(ArchInfo arch, IWorkload workload, SimMode mode, int size, CostTable table)
    {
        var result = SimulationRunner.RunOne(arch, workload, mode, size, table, null);
        if (result.Failed) throw new CostTableException($"calibration: {arch.Name} {workload.Name} {mode.Name()} at size {size} did not complete: {string.Join("; ", result.Notes)}");
        return result;
    }
}
