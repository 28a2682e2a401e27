namespace LazyMmuGen.Simulator.Tests;

/// <summary>The calibration of every calibrated built-in profile, as `simulate --calibration` runs it.</summary>
public static class Calibrations
{
    public static IReadOnlyList<CalibrationResult> Builtins() =>
        CalibrationRunner.CalibratedBuiltins().Select(p => CalibrationRunner.Run(p, p.Table, LazyMmuArchRegistry.Find)).ToList();
}
