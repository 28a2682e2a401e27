using LazyMmuGen.Simulator.Output;

namespace LazyMmuGen.Simulator.Tests;

/// <summary>docs/simulate.svg is what `lazymmu simulate --format svg` prints for the defaults.</summary>
public class DocsChartTests
{
    public const string Regenerate = "dotnet run --project cli -- simulate --format svg --out docs/simulate.svg";

    [Fact]
    public void The_committed_chart_matches_the_default_run()
    {
        var writer = new StringWriter();
        ResultWriter.Write("svg", Sim.All(), writer);
        var path = Path.Combine(RepoRoot(), "docs", "simulate.svg");
        var committed = File.Exists(path) ? File.ReadAllText(path) : "";
        if (committed != writer.ToString() && Environment.GetEnvironmentVariable("LAZYMMU_ACCEPT") == "1")
        {
            File.WriteAllText(path, writer.ToString());
            return;
        }
        Assert.True(committed == writer.ToString(), $"docs/simulate.svg is out of date: run `dotnet run --project cli -- accept` (or `{Regenerate}`).");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LazyMmuGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("LazyMmuGen.sln not found above " + AppContext.BaseDirectory);
    }
}
