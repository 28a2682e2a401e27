namespace LazyMmuGen.Simulator.Tests;

/// <summary>`lazymmu simulate` as a process: the profile and calibration options, exit codes and messages.</summary>
public class CliTests
{
    [Fact]
    public void A_bad_profile_file_is_a_usage_error_that_says_why()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-profile-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"profile": "bad", "inherits": "default", "summary": "s", "costs": {"dsb": {"cycles": -1, "source": "s"}}}""");
        try
        {
            var run = Cli.Run("simulate", "--arch", "arm64", "--workload", "test-vmalloc-fix-size", "--profile", path);
            Assert.Equal(2, run.Code);
            Assert.Equal($"error: {path}: costs.dsb.cycles must be a number of cycles >= 0, got -1\n", run.Err.Replace("\r\n", "\n"));
            Assert.Equal("", run.Out);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("apple-m3", "error: unknown profile 'apple-m3'. Did you mean 'apple-m2'? Profiles: default, apple-m2, ampere-altra, or the path of a profile file (*.json).")]
    [InlineData("intel", "error: unknown profile 'intel'. Profiles: default, apple-m2, ampere-altra, or the path of a profile file (*.json).")]
    [InlineData("/nonexistent/profile.json", "error: /nonexistent/profile.json: no such file")]
    public void An_unknown_profile_is_a_usage_error(string profile, string message)
    {
        var run = Cli.Run("simulate", "--arch", "arm64", "--profile", profile);
        Assert.Equal(2, run.Code);
        Assert.StartsWith(message, run.Err);
    }

    [Fact]
    public void Calibration_of_a_profile_without_a_measurement_is_a_usage_error()
    {
        var run = Cli.Run("simulate", "--calibration", "--profile", "default");
        Assert.Equal(2, run.Code);
        Assert.StartsWith("error: profile 'default' carries no calibration", run.Err);
    }

    [Fact]
    public void The_issue_command_gives_the_model_change_in_time()
    {
        var run = Cli.Run("simulate", "--arch", "arm64", "--workload", "test-vmalloc-fix-size", "--profile", "apple-m2", "--size", "64", "--mode", "eager,final");
        Assert.Equal(0, run.Code);
        Assert.Contains("arm64 | test-vmalloc-fix-size | 12,440       | 0.697 (-30.3 %)", run.Out);
    }

    [Fact]
    public void The_cli_prints_and_draws_what_the_library_does()
    {
        var table = new StringWriter();
        CalibrationReport.Write("table", Calibrations.Builtins(), table);
        Assert.Equal(table.ToString(), Cli.Run("simulate", "--calibration").Out);
        // The same libSkiaSharp (and fonts) in the CLI as in these tests: the chart comes out byte-identical.
        var chart = new StringWriter();
        Output.ResultWriter.Write("svg", Sim.All(), chart);
        Assert.Equal(chart.ToString(), Cli.Run("simulate", "--format", "svg").Out);
    }
}
