using System.Text.Json;
using System.Xml.Linq;
using LazyMmuGen.Simulator.Output;

namespace LazyMmuGen.Simulator.Tests;

public class FormatTests
{
    private static readonly IReadOnlyList<SimulationResult> Results = Sim.All();

    private static string Render(string format)
    {
        var writer = new StringWriter();
        ResultWriter.Write(format, Results, writer);
        return writer.ToString();
    }

    [Fact]
    public void Every_arch_workload_and_mode_gives_one_result()
    {
        // 10 arches × 8 workloads × 4 modes.
        Assert.Equal(LazyMmuArchRegistry.All.Count * WorkloadCatalog.All.Count * SimModes.All.Count, Results.Count);
        // Only strict Xen under legacy's nested enter stops (both workloads with a nested section); every other run completes.
        Assert.Equal([("x86-xen-strict-enter", "unmap", SimMode.Legacy), ("x86-xen-strict-enter", "setmem", SimMode.Legacy)],
            Results.Where(r => r.Failed).Select(r => (r.Arch, r.Workload, r.Mode)));
    }

    [Fact]
    public void Csv_has_a_fixed_header_and_one_row_of_that_width_per_result()
    {
        var lines = Render("csv").TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        // Every declared effect (grouped by declaring mechanism in name order, the machine's last), then every
        // base-work item (zero for the workloads that declare none), then notes.
        Assert.Equal("arch,workload,size,mode,cycles,vs_eager,dsb,isb,hypercall,multicall,multicall_entries,mmu_update,ipte,ipte_entries,"
            + "reg_write,tlb_flush,tlb_flush_entries,tlb_flush_range,preempt_disable,preempt_enable,context_switch,pte_write,"
            + "base_call,base_page,lazy_section,notes", lines[0]);
        Assert.Equal(Results.Count + 1, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Equal(26, Csv.Split(l).Count));
        Assert.Contains("arm64,unmap,256,final,1345,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,257,0,0,0,", lines);
        // The default profile prices test-vmalloc-fix-size's base work: 1390 + 256 × 225 + 2 sections × 15 on top of the effects.
        Assert.Contains("arm64,test-vmalloc-fix-size,256,final,61640,0.8014562475620856,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,512,1,256,2,", lines);
        Assert.Contains(lines, l => l.StartsWith("x86-xen-strict-enter,unmap,256,legacy,,,") && l.EndsWith(",BUG: enter_lazy: CPU 0 is already in XEN_LAZY_MMU"));
    }

    [Fact]
    public void Csv_quotes_a_cell_with_a_comma_or_a_quote()
    {
        var r = Results[0] with { Notes = ["a, \"b\""] };
        var writer = new StringWriter();
        ResultCsv.Write([r], writer);
        Assert.EndsWith(",\"a, \"\"b\"\"\"", writer.ToString().TrimEnd());
    }

    [Fact]
    public void Jsonl_is_one_object_per_line_and_json_the_same_objects_as_one_document()
    {
        var lines = Render("jsonl").TrimEnd().Split('\n');
        Assert.Equal(Results.Count, lines.Length);
        var objects = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var document = JsonDocument.Parse(Render("json")).RootElement;
        Assert.Equal(objects.Select(o => o.GetRawText()), document.EnumerateArray().Select(o => o.GetRawText()));
        Assert.All(objects, o => Assert.Equal(["arch", "workload", "size", "mode", "cycles", "vs_eager", "effects", "work", "notes"],
            o.EnumerateObject().Select(p => p.Name)));
        // work: the non-zero base-work counters, empty for a workload that declares none.
        Assert.All(objects.Where(o => o.GetProperty("workload").GetString() != "test-vmalloc-fix-size"),
            o => Assert.Empty(o.GetProperty("work").EnumerateObject()));
        var vmallocTest = objects.Single(o => o.GetProperty("arch").GetString() == "arm64" && o.GetProperty("workload").GetString() == "test-vmalloc-fix-size"
            && o.GetProperty("mode").GetString() == "final");
        Assert.Equal("{\"base_call\":1,\"base_page\":256,\"lazy_section\":2}", vmallocTest.GetProperty("work").GetRawText());
        var final = objects.Single(o => o.GetProperty("arch").GetString() == "x86-xen" && o.GetProperty("workload").GetString() == "mprotect"
            && o.GetProperty("mode").GetString() == "final");
        // Each flush of a merged run is a singleton multicall, made as a direct hypercall (xen_mc_flush()).
        Assert.Equal(["hypercall", "mmu_update", "preempt_disable", "preempt_enable", "pte_write"],
            final.GetProperty("effects").EnumerateObject().Select(p => p.Name));
        Assert.Equal(9, final.GetProperty("effects").GetProperty("hypercall").GetInt64());
        var bug = objects.Single(o => o.GetProperty("arch").GetString() == "x86-xen-strict-enter" && o.GetProperty("workload").GetString() == "unmap"
            && o.GetProperty("mode").GetString() == "legacy");
        Assert.Equal(JsonValueKind.Null, bug.GetProperty("cycles").ValueKind);
        Assert.Equal(JsonValueKind.Null, bug.GetProperty("vs_eager").ValueKind);
    }

    [Fact]
    public void Svg_is_drawn_by_scottplot_and_carries_the_table_it_shows()
    {
        var text = Render("svg");
        var svg = XDocument.Parse(text);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal("0 0 1280 1445", svg.Root.Attribute("viewBox")!.Value);
        // The data table it was drawn from: one line per bar (or BUG mark), in drawing order.
        Assert.Equal(ResultChart.Data(Results), ChartSvg.DataOf(text) + "\n");
        var data = ResultChart.Data(Results).TrimEnd().Split('\n');
        Assert.Equal("workload,arch,mode,cycles,vs_eager,label", data[0]);
        Assert.Equal(Results.Count, data.Length - 1);
        Assert.Contains("setmem,arm64,legacy,9025,0.5402574079616881,0.54", data);
        Assert.Contains("unmap,x86-xen-strict-enter,legacy,,,BUG", data);
        // One filled bar per completed run of each mode, in the mode's colour (plus its legend swatch).
        foreach (var (mode, colour) in new[] { (SimMode.Eager, "#999"), (SimMode.Legacy, "#E69F00"), (SimMode.Final, "#0072B2"), (SimMode.V3, "#009E73") })
        {
            var bars = svg.Descendants(ns + "rect").Count(r => r.Attribute("fill")?.Value == colour);
            Assert.Equal(Results.Count(r => r.Mode == mode && !r.Failed) + 1, bars);
        }
        var texts = svg.Descendants(ns + "text").Select(t => t.Value.Trim()).ToHashSet();
        Assert.Superset(new HashSet<string> { "eager", "legacy", "final", "v3", "BUG", "0.54", "0.084" }, texts);
        Assert.Superset(WorkloadCatalog.All.Select(w => w.Name).ToHashSet(), texts);
        Assert.Superset(LazyMmuArchRegistry.All.Select(a => a.Name).ToHashSet(), texts);
        Assert.All(svg.Descendants(ns + "text"), t => Assert.Equal(ChartSvg.Font, t.Attribute("font-family")!.Value));
    }

    [Fact]
    public void Svg_is_byte_identical_from_run_to_run()
    {
        Assert.Equal(Render("svg"), Render("svg"));
    }

    [Fact]
    public void Svg_puts_bars_on_a_shared_log_axis_of_whole_decades()
    {
        var arm64 = LazyMmuArchRegistry.Find("arm64")!;
        var results = SimulationRunner.Run(new SimulationRequest([arm64], [new VmallocWorkload()], [SimMode.Eager, SimMode.Final], 256,
            CostTable.Default.With(new Dictionary<EffectKind, double> { [EffectKind.Named("pte_write")] = 0, [EffectKind.Named("isb")] = 0, [EffectKind.Named("dsb")] = 1000 })));
        // Eager: 288 × 1000 = 288,000; final: 33 × 1000 = 33,000: an axis of 10k..1M, so the bars' tops are
        // log10(288000) and log10(33000) above the 10k baseline, and eager's is log10(288 / 33) higher than final's.
        var svg = XDocument.Parse(ResultChart.Render(results));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var labels = svg.Descendants(ns + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Equal(["10k", "100k", "1M"], labels.Where(l => l.EndsWith('k') || l.EndsWith('M')).ToList());
        double Height(string colour) => double.Parse(svg.Descendants(ns + "rect").First(r => r.Attribute("fill")?.Value == colour && r.Attribute("height") is not null
            && double.Parse(r.Attribute("height")!.Value) > 20).Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var ratio = Height("#999") / Height("#0072B2");
        Assert.Equal((Math.Log10(288_000) - 4) / (Math.Log10(33_000) - 4), ratio, 2);
    }

    [Fact]
    public void Table_lists_every_result_then_a_summary_per_arch_and_workload()
    {
        // Cells compared with runs of spaces collapsed: column widths follow the longest arch name in the registry.
        var lines = Render("table").Split('\n').Select(Collapse).ToList();
        Assert.StartsWith("arch", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("arm64 | unmap | 256 | legacy | 1,345") && l.Contains("dsb=1 isb=1 pte_write=257"));
        var summary = lines.FindIndex(l => l.StartsWith("summary:"));
        Assert.Equal("arch | workload | eager cycles | legacy | final | v3", lines[summary + 1]);
        Assert.Contains("x86-xen-strict-enter | unmap | 309,685 | BUG | 0.202 | 0.202", lines);
    }

    private static string Collapse(string line) => System.Text.RegularExpressions.Regex.Replace(line.TrimEnd(), " {2,}", " ");
}
