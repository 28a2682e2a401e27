using LazyMmuGen.Simulator.Output;

namespace LazyMmuGen.Simulator.Tests;

/// <summary>
/// The committed charts are what the commands print: docs/simulate.svg (`simulate --format svg`, the defaults) and
/// docs/simulate-calibration.svg (`simulate --calibration --format svg`). ScottPlot's SVG is byte-identical from run
/// to run on this machine kind (FormatTests, CalibrationTests), so the files are compared whole. The data table each
/// chart is stamped with is compared first, so a stale chart is reported by the numbers that moved, and a difference
/// in drawing alone (another font set or SkiaSharp build) is told apart from one in the data.
/// </summary>
public class DocsChartTests
{
    public const string Regenerate = "bash docs/regenerate-simulate.sh";

    [Fact]
    public void The_committed_chart_matches_the_default_run()
    {
        var writer = new StringWriter();
        ResultWriter.Write("svg", Sim.All(), writer);
        Compare("docs/simulate.svg", writer.ToString(), "dotnet run --project cli -- simulate --format svg --out docs/simulate.svg");
    }

    [Fact]
    public void The_committed_calibration_chart_matches_the_calibration()
    {
        var writer = new StringWriter();
        CalibrationReport.Write("svg", Calibrations.Builtins(), writer);
        Compare("docs/simulate-calibration.svg", writer.ToString(), "dotnet run --project cli -- simulate --calibration --format svg --out docs/simulate-calibration.svg");
    }

    private static void Compare(string relative, string expected, string command)
    {
        var path = RepoRoot.Combine(relative);
        var committed = File.Exists(path) ? File.ReadAllText(path) : "";
        if (committed != expected && Environment.GetEnvironmentVariable("LAZYMMU_ACCEPT") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }
        var fix = $"run `{Regenerate}` (or `{command}`)";
        Assert.True(ChartSvg.DataOf(committed) == ChartSvg.DataOf(expected), $"{relative} shows other numbers than the current build: {fix}.");
        Assert.True(committed == expected, $"{relative} has the current numbers but is drawn differently (fonts? SkiaSharp build?): {fix} on this machine kind.");
    }
}
