namespace LazyMmuGen.Simulator.Tests;

public class CostTableTests
{
    [Fact]
    public void Cost_is_the_sum_of_count_times_cycles_over_the_default_table()
    {
        // arm64 vmalloc final: 33 dsb × 40 + 33 isb × 20 + 288 pte writes × 5.
        Assert.Equal(33 * 40 + 33 * 20 + 288 * 5, Sim.Run("arm64", "vmalloc", "final").Cycles);
        Assert.All(EffectKind.Declared, e => Assert.True(CostTable.Default[e] > 0, e.Name));
    }

    [Fact]
    public void An_override_file_replaces_only_the_costs_it_names_and_the_ratio_follows()
    {
        var path = Path.Combine(Path.GetTempPath(), $"costs-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"dsb\": 100, // comments are allowed\n \"isb\": 0.5, }");
        try
        {
            var costs = CostTableFile.Load(path, CostTable.Default);
            Assert.Equal(100, costs["dsb"]);
            Assert.Equal(0.5, costs["isb"]);
            Assert.Equal(CostTable.Default["hypercall"], costs["hypercall"]);

            var arm64 = LazyMmuArchRegistry.Find("arm64")!;
            var results = SimulationRunner.Run(new SimulationRequest([arm64], [new VmallocWorkload()], [SimMode.Eager, SimMode.Final], 256, costs));
            Assert.Equal(288 * 100 + 288 * 0.5 + 288 * 5, results[0].Cycles);
            Assert.Equal(33 * 100 + 33 * 0.5 + 288 * 5, results[1].Cycles);
            Assert.Equal(results[1].Cycles / results[0].Cycles, results[1].VsEager);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{\"dsbb\": 40}", "unknown effect 'dsbb'")]
    [InlineData("{\"dsb\": -1}", "'dsb' must be a number of cycles >= 0")]
    [InlineData("{\"dsb\": \"40\"}", "'dsb' must be a number of cycles >= 0")]
    [InlineData("[40]", "expected a JSON object")]
    public void A_bad_override_is_an_error_that_says_why(string json, string message)
    {
        var e = Assert.Throws<CostTableException>(() => CostTableFile.Parse(json, CostTable.Default, "costs.json"));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("costs.json: ", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_located_at_its_line_and_column()
    {
        var e = Assert.Throws<CostTableException>(() => CostTableFile.Parse("{\"dsb\": 40,\n  x}", CostTable.Default, "costs.json"));
        Assert.Equal("costs.json(2,3): not valid JSON: 'x' is an invalid start of a property name. Expected a '\"'.", e.Message);
    }

    [Fact]
    public void A_missing_file_is_an_error_not_a_crash()
    {
        Assert.Throws<CostTableException>(() => CostTableFile.Load("/nonexistent/costs.json", CostTable.Default));
    }
}
