using System.Text.Json;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>
/// --batch-capacity (docs/checker.md#small-batches): every command compiles its arches, built-ins included, as a
/// checking build with small batches; check says so, its reproduce line carries the flag, and a bad value or a
/// --project (which it would have to rebuild) is a usage error.
/// </summary>
public sealed class BatchCapacityCliTests : IDisposable
{
    private const string Riscv = "arch: cli-riscv-sfence\nsummary: Batches sfence.vma invalidations per CPU.\nmechanisms:\n  - kind: tlb-batch\n    capacity: 64\n    flush-keys: [mm]\n";
    private const string FullFlush = "if (tlb.IsFull)\n                {\n                    tlb.Flush(c.Machine);\n                }";

    private readonly Cli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void A_fault_on_the_full_batch_path_is_found_with_a_small_capacity_and_reproduces_as_printed()
    {
        cli.Write("riscv.arch.yaml", Riscv);
        var fragment = File.ReadAllText(Path.Combine(RepoRoot.Folder, "mechanisms", "tlb-batch", "pte-complete.scriban")).Replace("\r\n", "\n");
        Assert.Contains(FullFlush, fragment);
        cli.Write("templates/mechanisms/tlb-batch/pte-complete.scriban", fragment.Replace(FullFlush, ""));

        // At capacity 64 the fault lies beyond depth 5.
        var plain = cli.Run("check", ".", "--depth", "5", "--no-timing");
        Assert.Equal(0, plain.Code);
        Assert.DoesNotContain("checking build", plain.Out);

        var scoped = cli.Run("check", ".", "--depth", "5", "--batch-capacity", "2", "--no-timing");
        Assert.Equal(1, scoped.Code);
        Assert.Contains("cli-riscv-sfence | FAIL   | 4     | 407    | 8547        | arch code completes without exceptions | enable;set_pte(addr=0x1000);set_pte(addr=0x1000);set_pte(addr=0x1000)", scoped.Out);
        const string Scope = "checking build (--batch-capacity 2, not the arches as described): batch capacities cli-riscv-sfence tlb-batch 2";
        Assert.Contains("\n" + Scope + "\n", scoped.Out);
        Assert.Equal(Scope, scoped.Err.Trim()); // stderr too: the arches the command runs
        var reproduce = scoped.Out.Split('\n').Single(l => l.TrimStart().StartsWith("reproduce: ", StringComparison.Ordinal)).Trim()["reproduce: ".Length..];
        Assert.EndsWith(" --batch-capacity 2", reproduce);
        var replay = cli.RunPrinted(reproduce);
        Assert.Equal(1, replay.Code);
        Assert.StartsWith(Scope, replay.Err.Trim());
        Assert.Contains("| arch code threw IndexOutOfRangeException: Index was outside the bounds of the array.", replay.Out);

        // The JSON counterexample's trace is the same replay, ending at the row that threw.
        var json = cli.Run("check", ".", "--depth", "5", "--batch-capacity", "2", "--format", "json", "--no-timing");
        Assert.Equal(1, json.Code);
        var trace = JsonDocument.Parse(json.Out).RootElement[0].GetProperty("trace").EnumerateArray().ToList();
        Assert.Equal(4, trace.Count);
        // The built-in primitive that threw, at its file and line (ThrowSite): an append past the full batch's array.
        Assert.Matches(@"^arch code threw IndexOutOfRangeException: Index was outside the bounds of the array\. \(thrown in TlbBatch\.Append, TlbBatch\.cs:\d+\)$", trace[^1].GetProperty("error").GetString());
    }

    [Fact]
    public void A_trace_stops_at_the_op_whose_arch_code_throws()
    {
        cli.Write("riscv.arch.yaml", Riscv);
        var fragment = File.ReadAllText(Path.Combine(RepoRoot.Folder, "mechanisms", "tlb-batch", "pte-complete.scriban")).Replace("\r\n", "\n");
        cli.Write("templates/mechanisms/tlb-batch/pte-complete.scriban", fragment.Replace(FullFlush, ""));

        var run = cli.Run("trace", ".", "--batch-capacity", "2", "--ops", "enable;set_pte(addr=0x1000);set_pte(addr=0x1000);set_pte(addr=0x1000);disable");
        Assert.Equal(1, run.Code);
        Assert.Contains("arch code threw IndexOutOfRangeException", run.Out);
        Assert.DoesNotContain("\ndisable ", run.Out);
    }

    [Fact]
    public void Built_in_arches_are_compiled_as_a_checking_build_too()
    {
        var json = cli.Run("check", "--arch", "x86-xen,arm64", "--depth", "2", "--batch-capacity", "2", "--format", "json", "--no-timing");
        Assert.Equal(0, json.Code);
        var arches = JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal("""{"hypercall-batch":2}""", arches[0].GetProperty("batch_capacity").GetRawText());
        Assert.Equal("""{"deferred-barriers":null}""", arches[1].GetProperty("batch_capacity").GetRawText()); // declares batching, never fills

        // powerpc hash flushes the batch on the write that fills it (hpte_need_flush, arch/powerpc/mm/book3s64/hash_tlb.c).
        var trace = cli.Run("trace", "--arch", "powerpc-hash", "--batch-capacity", "2", "--ops", "enable;set_pte(addr=0x1000);set_pte(addr=0x1000);set_pte(addr=0x1000)");
        Assert.Equal(0, trace.Code);
        // Every command says on stderr that it ran a checking build, for the arches it runs.
        Assert.Equal("checking build (--batch-capacity 2, not the arches as described): batch capacities powerpc-hash tlb-batch 2", trace.Err.Trim());
        Assert.Contains("set_pte(addr=0x1000) | -         | 1      | 0     | yes    | 0       | tlb_flush=1 tlb_flush_entries=2 tlb_flush_range=1 pte_write=1", trace.Out);
    }

    [Fact]
    public void The_line_under_the_table_and_the_stderr_line_speak_of_the_arches_checked()
    {
        // Found by two fresh-clone reviews: "no arch has a batch capacity" under the table contradicted stderr's list of
        // every arch the build lowered, then stderr still listed arches the command did not run.
        var run = cli.Run("check", "--arch", "arm64", "--depth", "2", "--batch-capacity", "2", "--no-timing");
        Assert.Equal(0, run.Code);
        const string Line = "checking build (--batch-capacity 2, not the arches as described): none of these arches has a batch capacity to lower";
        Assert.Contains("\n" + Line + "\n", run.Out);
        Assert.Equal(Line, run.Err.Trim());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("256")]
    [InlineData("two")]
    public void A_capacity_outside_1_to_255_is_a_usage_error(string value)
    {
        var run = cli.Run("check", "--batch-capacity", value);
        Assert.Equal(2, run.Code);
        Assert.Equal($"error: --batch-capacity must be a whole number 1..255, got '{value}' (a batch of N writes; 2 reaches every full-batch path soonest).",
            run.Err.Split('\n')[0].Trim());
    }

    [Fact]
    public void A_project_is_not_rebuilt_as_a_checking_build()
    {
        var run = cli.Run("arches", "--project", cli.Folder, "--batch-capacity", "2");
        Assert.Equal(2, run.Code);
        Assert.StartsWith("error: --batch-capacity cannot rebuild a --project: set <LazyMmuBatchCapacity>", run.Err.Trim());
    }
}
