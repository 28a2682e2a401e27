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
        Assert.Equal(LazyMmuArchRegistry.All.Count * WorkloadCatalog.All.Count * SimModes.All.Count, Results.Count);
        // Only strict Xen under legacy's nested enter stops (both workloads with a nested section); every other run completes.
        Assert.Equal([("x86-xen-strict-enter", "unmap", SimMode.Legacy), ("x86-xen-strict-enter", "setmem", SimMode.Legacy)],
            Results.Where(r => r.Failed).Select(r => (r.Arch, r.Workload, r.Mode)));
    }

    [Fact]
    public void Csv_has_a_fixed_header_and_one_row_of_that_width_per_result()
    {
        var lines = Render("csv").TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("arch,workload,size,mode,cycles,vs_eager,dsb,isb,tlb_flush,tlb_flush_entries,tlb_flush_range,hypercall,multicall,"
            + "multicall_entries,reg_write,ipte,ipte_entries,preempt_disable,preempt_enable,context_switch,pte_write,mmu_update,notes", lines[0]);
        Assert.Equal(Results.Count + 1, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Equal(23, Csv.Split(l).Count));
        Assert.Contains("arm64,unmap,256,final,1345,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,257,0,", lines);
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
        Assert.All(objects, o => Assert.Equal(["arch", "workload", "size", "mode", "cycles", "vs_eager", "effects", "notes"],
            o.EnumerateObject().Select(p => p.Name)));
        var final = objects.Single(o => o.GetProperty("arch").GetString() == "x86-xen" && o.GetProperty("workload").GetString() == "mprotect"
            && o.GetProperty("mode").GetString() == "final");
        // Each flush of a merged run is a singleton multicall, made as a direct hypercall (xen_mc_flush()).
        Assert.Equal(["hypercall", "preempt_disable", "preempt_enable", "pte_write", "mmu_update"],
            final.GetProperty("effects").EnumerateObject().Select(p => p.Name));
        Assert.Equal(9, final.GetProperty("effects").GetProperty("hypercall").GetInt64());
        var bug = objects.Single(o => o.GetProperty("arch").GetString() == "x86-xen-strict-enter" && o.GetProperty("workload").GetString() == "unmap"
            && o.GetProperty("mode").GetString() == "legacy");
        Assert.Equal(JsonValueKind.Null, bug.GetProperty("cycles").ValueKind);
        Assert.Equal(JsonValueKind.Null, bug.GetProperty("vs_eager").ValueKind);
    }

    [Fact]
    public void Svg_is_well_formed_with_one_rect_per_bar_each_with_a_tooltip()
    {
        var svg = XDocument.Parse(Render("svg"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        var rects = svg.Descendants(ns + "rect").ToArray();
        Assert.Equal(Results.Count(r => !r.Failed), rects.Length);
        Assert.All(rects, r => Assert.NotNull(r.Element(ns + "title")));
        Assert.All(rects, r => Assert.True(double.Parse(r.Attribute("height")!.Value) > 0));
        var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToHashSet();
        Assert.Superset(new HashSet<string> { "eager", "legacy", "final", "v3", "BUG" }, texts);
        Assert.Superset(WorkloadCatalog.All.Select(w => w.Name).ToHashSet(), texts);
        Assert.Superset(LazyMmuArchRegistry.All.Select(a => a.Name).ToHashSet(), texts);
    }

    [Fact]
    public void Svg_bars_are_log_scaled_a_tenth_of_the_cost_is_one_decade_lower()
    {
        var arm64 = LazyMmuArchRegistry.Find("arm64")!;
        var results = SimulationRunner.Run(new SimulationRequest([arm64], [new VmallocWorkload()], [SimMode.Eager, SimMode.Final], 256,
            CostTable.Default.With(new Dictionary<Effect, double> { [Effect.PteWrite] = 0, [Effect.Isb] = 0, [Effect.Dsb] = 1000 })));
        // Eager: 288 × 1000 = 288,000; final: 33 × 1000 = 33,000. Axis 10k..1M, 2 decades over 220 px.
        var heights = XDocument.Parse(SvgChart.Render(results)).Descendants().Where(e => e.Name.LocalName == "rect")
            .Select(r => double.Parse(r.Attribute("height")!.Value)).ToArray();
        Assert.Equal(Math.Round(Math.Log10(28.8) / 2 * 220, 1), heights[0]);
        Assert.Equal(Math.Round(Math.Log10(3.3) / 2 * 220, 1), heights[1]);
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
