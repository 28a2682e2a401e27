namespace LazyMmuGen.Simulator.Tests;

/// <summary>The cost profiles: the built-in files, what they inherit, where each number comes from, and bad files.</summary>
public class ProfileTests
{
    [Fact]
    public void The_builtins_load_by_name_and_every_entry_has_cycles_and_a_source()
    {
        Assert.Equal(["default", "apple-m2", "ampere-altra"], CostProfiles.Names);
        foreach (var name in CostProfiles.Names)
        {
            var profile = CostProfiles.Resolve(name);
            Assert.Equal(name, profile.Name);
            Assert.All(CostEntry.All, e => Assert.False(string.IsNullOrWhiteSpace(profile.SourceOf(e)), $"{name}: {e.Name} has no source"));
        }
        Assert.Null(CostProfiles.Builtin("default").Calibration);
        Assert.Same(CostProfiles.Default.Table, CostTable.Default);
    }

    [Fact]
    public void The_default_profile_keeps_the_effect_costs_the_simulator_always_had()
    {
        // The figures in docs/simulate.md and every exact-cycle test rest on these.
        var expected = new Dictionary<string, double>
        {
            ["dsb"] = 40, ["isb"] = 20, ["tlb_flush"] = 200, ["tlb_flush_entries"] = 40, ["tlb_flush_range"] = 300,
            ["hypercall"] = 1000, ["multicall"] = 1000, ["multicall_entries"] = 50, ["reg_write"] = 20, ["ipte"] = 1500,
            ["ipte_entries"] = 20, ["preempt_disable"] = 1, ["preempt_enable"] = 1, ["context_switch"] = 2000, ["pte_write"] = 5,
            ["mmu_update"] = 200,
        };
        Assert.Equal(expected, CostTable.Default.Entries.Where(e => EffectKind.TryFind(e.Name, out _)).ToDictionary(e => e.Name, e => e.Cycles));
    }

    [Fact]
    public void The_default_base_work_is_the_ampere_altra_fit_rounded_to_whole_cycles()
    {
        var altra = CostProfiles.Builtin("ampere-altra");
        foreach (var work in BaseWorkNames.All)
            Assert.Equal(Math.Round(altra.Table[work]), CostTable.Default[work]);
    }

    [Fact]
    public void A_machine_profile_inherits_the_default_and_replaces_only_its_own_entries()
    {
        var m2 = CostProfiles.Builtin("apple-m2");
        Assert.Equal("default", m2.Inherits);
        Assert.Equal(CostTable.Default["hypercall"], m2.Table["hypercall"]);
        Assert.Equal(CostProfiles.Default.SourceOf(CostEntry.Of(EffectKind.Named("hypercall"))), m2.SourceOf(CostEntry.Of(EffectKind.Named("hypercall"))));
        Assert.Equal(40, m2.Table["dsb"]);
        Assert.StartsWith("fitted: ", m2.SourceOf(CostEntry.Of(BaseWork.Page)));
        var spec = m2.Calibration!;
        Assert.Equal(("Apple M2", "test-vmalloc-fix-size", "arm64", SimMode.Eager, SimMode.Final), (spec.Machine, spec.Workload, spec.Arch, spec.Baseline, spec.Mode));
        Assert.Equal(["base_call", "base_page", "lazy_section"], spec.Free.Select(e => e.Name));
        Assert.Equal([1, 16, 512], spec.FitSizes);
        // The cover letter's table, Apple M2 column.
        Assert.Equal([(1, 2.14), (4, -9.93), (16, -25.07), (64, -29.43), (256, -31.46), (512, -31.96)], spec.Measured.Select(m => (m.Size, m.ChangePercent)));
        Assert.Equal([(1, 1.79), (4, -4.80), (16, -14.24), (64, -19.30), (256, -20.60), (512, -20.04)],
            CostProfiles.Builtin("ampere-altra").Calibration!.Measured.Select(m => (m.Size, m.ChangePercent)));
        Assert.Contains("[PATCH v4 00/11] Perf improvements for hugetlb and vmalloc on arm64", spec.Source);
    }

    [Fact]
    public void A_profile_file_loads_by_path_and_costs_overrides_single_entries_on_top()
    {
        var path = Path.Combine(Path.GetTempPath(), $"profile-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            // a profile of one's own
            { "profile": "mine", "inherits": "apple-m2", "summary": "test",
              "costs": { "base_page": { "cycles": 100, "source": "a guess" }, } }
            """);
        try
        {
            var mine = CostProfiles.Resolve(path);
            Assert.Equal(100, mine.Table[BaseWork.Page]);
            Assert.Equal(CostProfiles.Builtin("apple-m2").Table[BaseWork.Call], mine.Table[BaseWork.Call]);
            var table = CostTableFile.Parse("{\"base_page\": 50, \"dsb\": 10}", mine.Table);
            Assert.Equal((50.0, 10.0, 20.0), (table[BaseWork.Page], table["dsb"], table["isb"]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "a profile is a JSON object")]
    [InlineData("""{"profile": "x", "summary": "s", "costs": {}, "colour": 1}""", "unknown key 'colour'")]
    [InlineData("""{"summary": "s", "costs": {}}""", "'profile' is missing or empty")]
    [InlineData("""{"profile": "x", "inherits": "default", "summary": "s"}""", "'costs' must be an object")]
    [InlineData("""{"profile": "x", "inherits": "default", "summary": "s", "costs": {"dsbb": {"cycles": 1, "source": "s"}}}""", "unknown effect 'dsbb'")]
    [InlineData("""{"profile": "x", "inherits": "default", "summary": "s", "costs": {"dsb": {"cycles": -1, "source": "s"}}}""", "costs.dsb.cycles must be a number of cycles >= 0, got -1")]
    [InlineData("""{"profile": "x", "inherits": "default", "summary": "s", "costs": {"dsb": 40}}""", "costs.dsb must be an object")]
    [InlineData("""{"profile": "x", "inherits": "default", "summary": "s", "costs": {"dsb": {"cycles": 40}}}""", "costs.dsb has no \"source\"")]
    [InlineData("""{"profile": "x", "summary": "s", "costs": {"dsb": {"cycles": 40, "source": "s"}}}""", "must price every base-work entry; missing: base_call, base_page, lazy_section")]
    [InlineData("""{"profile": "x", "inherits": "nope", "summary": "s", "costs": {}}""", "'inherits' names no built-in profile: 'nope'")]
    [InlineData("""{"profile": "x", "inherits": "default", "summary": "s", "costs": {}, "calibration": {"machine": "m", "workload": "test-vmalloc-fix-size", "arch": "arm64", "baseline": "eager", "mode": "final", "source": "s", "free": ["dsb", "isb", "base_call", "base_page"], "fit_sizes": [1], "measured": {"1": 1}}}""", "names 4 parameters; a profile has 1 to 3")]
    [InlineData("""{"profile": "x", "inherits": "default", "summary": "s", "costs": {}, "calibration": {"machine": "m", "workload": "test-vmalloc-fix-size", "arch": "arm64", "baseline": "eager", "mode": "final", "source": "s", "free": ["base_call"], "fit_sizes": [1], "measured": {"1": 1}}}""", "free parameter 'base_call' has no fitted value in 'costs'")]
    [InlineData("""{"profile": "x", "inherits": "default", "summary": "s", "costs": {"base_call": {"cycles": 1, "source": "s"}}, "calibration": {"machine": "m", "workload": "w", "arch": "arm64", "baseline": "eager", "mode": "final", "source": "s", "free": ["base_call"], "fit_sizes": [2], "measured": {"1": 1}}}""", "fit_sizes has 2, which calibration.measured does not")]
    [InlineData("""{"profile": "x", "inherits": "default", "summary": "s", "costs": {"base_call": {"cycles": 1, "source": "s"}}, "calibration": {"machine": "m", "workload": "w", "arch": "arm64", "baseline": "eager", "mode": "fastest", "source": "s", "free": ["base_call"], "fit_sizes": [1], "measured": {"1": 1}}}""", "calibration.mode: unknown mode 'fastest'")]
    [InlineData("""{"profile": "x", "inherits": "default", "summary": "s", "costs": {"base_call": {"cycles": 1, "source": "s"}}, "calibration": {"machine": "m", "workload": "w", "arch": "arm64", "baseline": "eager", "mode": "final,", "source": "s", "free": ["base_call"], "fit_sizes": [1], "measured": {"1": 1}}}""", "calibration.mode: one mode, e.g. final (got 'final,')")]
    public void A_bad_profile_is_an_error_that_names_the_file_and_says_why(string json, string message)
    {
        var e = Assert.Throws<CostTableException>(() => CostProfiles.Parse(json, "my.json"));
        Assert.Matches(@"^my\.json(\(\d+,\d+\))?: ", e.Message); // invalid JSON is located at its line and column
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void An_unknown_profile_name_lists_the_known_ones()
    {
        var e = Assert.Throws<CostTableException>(() => CostProfiles.Resolve("apple-m3"));
        Assert.Equal("unknown profile 'apple-m3'. Profiles: default, apple-m2, ampere-altra, or the path of a profile file (*.json).", e.Message);
        Assert.Throws<CostTableException>(() => CostProfiles.Resolve("/nonexistent/profile.json"));
    }
}
