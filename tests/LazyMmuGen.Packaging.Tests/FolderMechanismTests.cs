using System.Text.Json;
using LazyMmuGen.Hosting;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>
/// Issue 13, item 1: the tool loads a consumer's mechanisms too. Given a folder, `lazymmu` takes its descriptors and
/// every mechanisms/NAME/ folder below it (definition, fragments and C# primitive), exactly as the package's items
/// take them in a project. The mechanism here is the packaged sample's (samples/RiscvSample/mechanisms/svinval-batch).
/// </summary>
public sealed class FolderMechanismTests : IDisposable
{
    private readonly Cli cli = new();

    public FolderMechanismTests()
    {
        var sample = RepoRoot.Combine("samples", "RiscvSample");
        foreach (var file in Directory.GetFiles(Path.Combine(sample, "mechanisms", "svinval-batch")))
            cli.Write(Path.Combine("arches", "mechanisms", "svinval-batch", Path.GetFileName(file)), File.ReadAllText(file));
        cli.Write(Path.Combine("arches", "riscv-svinval.arch.yaml"), File.ReadAllText(Path.Combine(sample, "riscv-svinval.arch.yaml")));
    }

    public void Dispose() => cli.Dispose();

    [Fact]
    public void A_folder_with_its_own_mechanism_is_traced_checked_and_priced_by_its_declarations()
    {
        var trace = cli.Run("trace", "arches", "--no-builtins", "--arch", "riscv-svinval", "--ops", "enable;set_pte;set_pte(mm=2);disable;set_pte");
        Assert.True(trace.Code == 0, trace.Err);
        Assert.Contains("disable       | leave     | 0      | 0     | no     | 0       | sfence_w_inval=1 sinval_vma=2 sfence_inval_ir=1 preempt_enable=1 |", trace.Out);
        Assert.Contains("set_pte       | -         | 0      | 0     | no     | 0       | sfence_vma=1 pte_write=1", trace.Out);

        var check = cli.Run("check", "arches", "--no-builtins", "--depth", "3", "--no-timing");
        Assert.True(check.Code == 0, check.Out + check.Err);
        Assert.Contains("riscv-svinval | pass   | 3     |", check.Out);

        // 256 writes in one section exceed tlb_flush_all_threshold (64): one full flush; eagerly, one sfence.vma
        // each, at the 10,360 cycles its mechanism.yaml declares (+5 per pte_write, the machine's own).
        var simulate = cli.Run("simulate", "arches", "--no-builtins", "--arch", "riscv-svinval", "--workload", "mprotect", "--mode", "eager,final");
        Assert.True(simulate.Code == 0, simulate.Err);
        Assert.Contains("| eager | 2,653,440 | 1.000    | sfence_vma=256 pte_write=256 ", simulate.Out);
        Assert.Contains("sfence_vma_all=1 preempt_disable=1 preempt_enable=1 pte_write=256", simulate.Out);
    }

    [Fact]
    public void An_error_in_the_mechanisms_own_CSharp_is_located_at_that_file()
    {
        var primitive = Path.Combine("arches", "mechanisms", "svinval-batch", "SvinvalBatch.cs");
        cli.Write(primitive, File.ReadAllText(Path.Combine(cli.Folder, primitive)).Replace("queued.Clear();", "queued.Clearr();"));

        var trace = cli.Run("trace", "arches", "--no-builtins", "--arch", "riscv-svinval", "--ops", "enable");

        Assert.Equal(2, trace.Code);
        Assert.Matches(@"arches/mechanisms/svinval-batch/SvinvalBatch\.cs\(\d+,\d+\): error CS1061: .*'Clearr'", trace.Err);
        Assert.DoesNotContain("LMG0099", trace.Err);
    }

    [Fact]
    public void An_exception_in_a_fragment_is_named_at_the_template_line_that_wrote_it()
    {
        // The generated file is nowhere on disk: "RiscvSvinval.g.cs:127" alone sent the author looking for it.
        var leave = Path.Combine("arches", "mechanisms", "svinval-batch", "leave.scriban");
        var text = File.ReadAllText(Path.Combine(cli.Folder, leave)).Replace("\r\n", "\n");
        cli.Write(leave, "            if (c.Cpu.Svinval.Entries > 1) throw new System.InvalidOperationException(\"leave broke\");\n" + text);

        var trace = cli.Run("trace", "arches", "--no-builtins", "--arch", "riscv-svinval", "--ops", "enable;set_pte;set_pte;disable");

        Assert.Equal(1, trace.Code);
        Assert.Matches(@"\| arch code threw InvalidOperationException: leave broke \(thrown in RiscvSvinval\.Leave, arches/mechanisms/svinval-batch/leave\.scriban:1 as rendered in RiscvSvinval\.g\.cs:\d+\)", trace.Out);
    }

    [Fact]
    public void Simulate_keeps_its_results_and_exits_1_when_arch_code_threw()
    {
        // Found by a fresh-clone review: the rows said "arch code threw" and the command exited 0, so a script
        // running simulate over its arch never saw the defect. A BUG stays a result (exit 0; CliContractTests,
        // Simulate_exits_0_when_a_run_hit_a_BUG_because_the_BUG_is_one_of_its_results).
        var leave = Path.Combine("arches", "mechanisms", "svinval-batch", "leave.scriban");
        var text = File.ReadAllText(Path.Combine(cli.Folder, leave)).Replace("\r\n", "\n");
        cli.Write(leave, "            if (c.Cpu.Svinval.Entries > 0) throw new System.InvalidOperationException(\"leave broke\");\n" + text);

        var run = cli.Run("simulate", "arches", "--no-builtins", "--arch", "riscv-svinval", "--workload", "unmap", "--mode", "eager,final");

        Assert.Equal(1, run.Code);
        Assert.Matches(@"riscv-svinval \| unmap +\| 256 +\| eager +\| [0-9,]+ ", run.Out);
        Assert.Matches(@"riscv-svinval \| unmap +\| 256 +\| final +\| - ", run.Out);
        Assert.Matches(@"^error: arch code threw in 1 of 2 runs \(riscv-svinval unmap final\); the first: arch code threw InvalidOperationException: leave broke \(thrown in RiscvSvinval\.Leave, arches/mechanisms/svinval-batch/leave\.scriban:1 as rendered in RiscvSvinval\.g\.cs:\d+\)\.", run.Err);
    }

    [Fact]
    public void A_generated_line_no_template_of_the_users_writes_is_quoted()
    {
        const string Source = "namespace N\n{\n        c.Cpu.Tlb.Flush(c.Machine);\n}\n";
        var theirs = new DescriptorFile("templates/mechanisms/x/leave.scriban", "/p/templates/mechanisms/x/leave.scriban", "            c.Other();\n");

        Assert.Equal("A.g.cs:3: `c.Cpu.Tlb.Flush(c.Machine);`", GeneratedErrorBlame.PlaceOf("A.g.cs", Source, 3, [theirs]));
        Assert.Equal("templates/mechanisms/x/leave.scriban:1 as rendered in A.g.cs:3",
            GeneratedErrorBlame.PlaceOf("A.g.cs", Source, 3, [theirs with { Text = "            c.Cpu.{{ field }}.Flush(c.Machine);\n" }]));
        Assert.Null(GeneratedErrorBlame.PlaceOf("A.g.cs", Source, 9, [theirs]));
        // Written by two templates: both are named, as a compile error's blame names them.
        var flush = new DescriptorFile("templates/mechanisms/x/flush.scriban", "/p/templates/mechanisms/x/flush.scriban", "            c.Cpu.Tlb.Flush(c.Machine);\n");
        Assert.Equal("one of templates/mechanisms/x/flush.scriban:1, templates/mechanisms/x/leave.scriban:1 as rendered in A.g.cs:3",
            GeneratedErrorBlame.PlaceOf("A.g.cs", Source, 3, [flush, theirs with { Text = "            c.Cpu.Tlb.Flush(c.Machine);\n" }]));
    }

    [Fact]
    public void An_exception_in_the_mechanisms_own_CSharp_names_its_method_file_and_line_in_trace_and_check()
    {
        // The author of a primitive needs where it threw, not only what: the tool compiles it with an embedded PDB.
        var primitive = Path.Combine("arches", "mechanisms", "svinval-batch", "SvinvalBatch.cs");
        var source = File.ReadAllText(Path.Combine(cli.Folder, primitive)).Replace("\r\n", "\n");
        const string Guard = "if (queued.Count == 0) return;";
        Assert.Contains(Guard, source);
        var faulty = source.Replace(Guard, Guard + "\n        if (queued.Count > 1) throw new InvalidOperationException(\"two queued\");");
        cli.Write(primitive, faulty);
        var line = faulty.Split('\n').ToList().FindIndex(l => l.Contains("two queued")) + 1;
        // At the path the user gave: two mechanisms may both have a Batch.cs.
        var site = $"InvalidOperationException: two queued (thrown in SvinvalBatch.Flush, {primitive}:{line})";

        var trace = cli.Run("trace", "arches", "--no-builtins", "--arch", "riscv-svinval", "--ops", "enable;set_pte;set_pte;disable");
        Assert.Equal(1, trace.Code);
        Assert.Contains("| arch code threw " + site, trace.Out);

        var check = cli.Run("check", "arches", "--no-builtins", "--depth", "4", "--no-timing");
        Assert.Equal(1, check.Code);
        Assert.Contains("riscv-svinval: arch code completes without exceptions: " + site, check.Out);

        // simulate makes it the row's note instead of crashing, and exits 1 (the rows still written): the lazy modes
        // flush two queued, eager never queues.
        var simulate = cli.Run("simulate", "arches", "--no-builtins", "--workload", "unmap", "--mode", "eager,final", "--format", "json");
        Assert.Equal(1, simulate.Code);
        var rows = JsonDocument.Parse(simulate.Out).RootElement.EnumerateArray().ToList();
        Assert.Empty(rows.Single(r => r.GetProperty("mode").GetString() == "eager").GetProperty("notes").EnumerateArray());
        var final = rows.Single(r => r.GetProperty("mode").GetString() == "final");
        Assert.Equal("arch code threw " + site, final.GetProperty("notes").EnumerateArray().Single().GetString());
        Assert.Equal(JsonValueKind.Null, final.GetProperty("cycles").ValueKind);
    }

    [Fact]
    public void A_syntax_error_in_the_mechanisms_own_CSharp_is_not_blamed_on_the_generator()
    {
        // The generated arch names SvinvalBatch; a class that does not parse makes that a CS0246 in generated
        // code, which is a consequence of the user's error, not an LMG0099 "please report this".
        var primitive = Path.Combine("arches", "mechanisms", "svinval-batch", "SvinvalBatch.cs");
        cli.Write(primitive, File.ReadAllText(Path.Combine(cli.Folder, primitive)).Replace("public sealed class", "publc sealed class"));

        var trace = cli.Run("trace", "arches", "--no-builtins", "--arch", "riscv-svinval", "--ops", "enable");

        Assert.Equal(2, trace.Code);
        Assert.Equal("arches/mechanisms/svinval-batch/SvinvalBatch.cs(14,7): error CS1585: Member modifier 'sealed' must precede the member type and name",
            trace.Err.Trim());
        Assert.DoesNotContain("LMG0099", trace.Err);
        Assert.DoesNotContain("please report", trace.Err);
    }

    [Fact]
    public void A_descriptor_file_alone_brings_the_mechanisms_folder_beside_it()
    {
        var trace = cli.Run("trace", Path.Combine("arches", "riscv-svinval.arch.yaml"), "--no-builtins", "--ops", "enable;set_pte;disable");

        Assert.True(trace.Code == 0, trace.Err);
        Assert.Contains("disable | leave     | 0      | 0     | no     | 0       | sfence_w_inval=1 sinval_vma=1 sfence_inval_ir=1 preempt_enable=1 |", trace.Out);
    }

    [Fact]
    public void A_mechanisms_folder_beside_the_given_arches_folder_is_named_when_it_is_not_read()
    {
        // This repository's layout copied (arches/ beside mechanisms/): given arches/ alone, the own mechanism is
        // unknown; the warning says which folder to give instead.
        cli.Write(Path.Combine("repo", "arches", "riscv-svinval.arch.yaml"), File.ReadAllText(Path.Combine(cli.Folder, "arches", "riscv-svinval.arch.yaml")));
        foreach (var file in Directory.GetFiles(Path.Combine(cli.Folder, "arches", "mechanisms", "svinval-batch")))
            cli.Write(Path.Combine("repo", "mechanisms", "svinval-batch", Path.GetFileName(file)), File.ReadAllText(file));
        const string Warning = "warning: repo/mechanisms is not read: the tool takes a mechanisms/ folder beside a descriptor or below a given folder; to use it, give the folder that holds both (repo).";

        foreach (var given in new[] { "repo/arches", "repo/arches/riscv-svinval.arch.yaml" })
        {
            var run = cli.Run("check", given, "--no-builtins", "--depth", "2");
            Assert.Equal(2, run.Code);
            Assert.StartsWith(Warning + "\n", run.Err.ReplaceLineEndings("\n"));
            Assert.Contains("error LMG0008: Unknown mechanism 'svinval-batch'", run.Err);
        }
        var whole = cli.Run("check", "repo", "--no-builtins", "--depth", "2");
        Assert.Equal(0, whole.Code);
        Assert.DoesNotContain("warning", whole.Err);
    }

    [Fact]
    public void A_mechanism_the_tool_was_not_given_is_told_where_its_definition_goes()
    {
        Directory.Delete(Path.Combine(cli.Folder, "arches", "mechanisms"), recursive: true);

        var trace = cli.Run("trace", Path.Combine("arches", "riscv-svinval.arch.yaml"), "--no-builtins", "--ops", "enable");

        Assert.Equal(2, trace.Code);
        Assert.Matches(@"arches/riscv-svinval\.arch\.yaml\(\d+,\d+\): error LMG0008: Unknown mechanism 'svinval-batch'\. If it is your own, define it in "
            + @"mechanisms/NAME/mechanism\.yaml \(docs/mechanisms\.md\): a project takes every mechanisms/ folder in it, and the lazymmu tool the ones "
            + @"under a folder it is given or beside a descriptor file\. Known mechanisms: ", trace.Err);
    }

    [Fact]
    public void A_CSharp_error_in_a_fragment_is_located_at_the_fragment_line_it_comes_from()
    {
        // Found by a fresh-clone review: the C# a user's fragment writes failed as an LMG0099 "please report this".
        var fragment = Path.Combine("arches", "mechanisms", "svinval-batch", "init-cpu.scriban");
        cli.Write(fragment, File.ReadAllText(Path.Combine(cli.Folder, fragment)).Replace("cpu.Svinval", "cpux.Svinval"));

        var run = cli.Run("arches", "arches", "--no-builtins");

        Assert.Equal(2, run.Code);
        Assert.Matches(@"^arches/mechanisms/svinval-batch/init-cpu\.scriban\(1,13\): error CS0103: The name 'cpux' does not exist in the current context "
            + @"\(in the C# this line renders, RiscvSvinval\.g\.cs\(\d+,13\)\)$", run.Err.Trim());

        // A column after a {{ }} hole is mapped through the hole: 'q' is at 96 in the template, 81 in the generated line.
        cli.Write(fragment, File.ReadAllText(RepoRoot.Combine("samples", "RiscvSample", "mechanisms", "svinval-batch", "init-cpu.scriban"))
            .Replace("{{ p.threshold }})", "{{ p.threshold }}) + q"));
        Assert.Matches(@"^arches/mechanisms/svinval-batch/init-cpu\.scriban\(1,96\): error CS0103: The name 'q' does not exist in the current context "
            + @"\(in the C# this line renders, RiscvSvinval\.g\.cs\(\d+,81\)\)$", cli.Run("arches", "arches", "--no-builtins").Err.Trim());
    }

    [Fact]
    public void A_fragment_line_rendered_twice_is_one_error_and_its_warnings_are_located_too()
    {
        // A fresh-clone review: leave including flush doubled each error of flush (4 for 2 mistakes), and a
        // warning in a fragment's C# (CS8600) had no file, line or column.
        var folder = Path.Combine("arches", "mechanisms", "svinval-batch");
        cli.Write(Path.Combine(folder, "leave.scriban"), "{{ include 'mechanisms/svinval-batch/flush' }}\n            c.PreemptEnable();\n");
        cli.Write(Path.Combine(folder, "flush.scriban"), "            c.Cpu.Svinval.Flushh(c.Machine);\n");
        var error = cli.Run("arches", "arches", "--no-builtins");
        Assert.Equal(2, error.Code);
        Assert.Matches(@"^arches/mechanisms/svinval-batch/flush\.scriban\(1,27\): error CS1061: .*'Flushh'.* "
            + @"\(in the C# this line renders, RiscvSvinval\.g\.cs\(\d+,27\) and RiscvSvinval\.g\.cs\(\d+,27\)\)$", error.Err.Trim());

        cli.Write(Path.Combine(folder, "flush.scriban"), "            c.Cpu.Svinval.Flush(c.Machine);\n            object o = null;\n            _ = o;\n");
        var warning = cli.Run("check", "arches", "--no-builtins", "--depth", "1");
        Assert.True(warning.Code == 0, warning.Out + warning.Err);
        Assert.Matches(@"^arches/mechanisms/svinval-batch/flush\.scriban\(2,24\): warning CS8600: Converting null literal or possible null value to non-nullable type\. "
            + @"\(in the C# this line renders, RiscvSvinval\.g\.cs\(\d+,24\) and RiscvSvinval\.g\.cs\(\d+,24\)\)$", warning.Err.Trim());
        Assert.StartsWith("arch ", warning.Out); // stdout holds the result alone: --format json stays one document

        // A warning in the primitive's own C# is at that file, as its errors are, not searched for in the templates.
        var primitive = Path.Combine(folder, "SvinvalBatch.cs");
        var source = File.ReadAllText(Path.Combine(cli.Folder, primitive)).Replace("\r\n", "\n");
        cli.Write(primitive, source.Replace("if (queued.Count == 0) return;", "if (queued.Count == 0) return;\n        int unused = 0;"));
        var own = cli.Run("check", "arches", "--no-builtins", "--depth", "1");
        Assert.Matches(@"(^|\n)arches/mechanisms/svinval-batch/SvinvalBatch\.cs\(\d+,13\): warning CS0219: ", own.Err.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("CS0219: The variable 'unused' is assigned but its value is never used in generated code", own.Err);
    }

    [Fact]
    public void A_counterexample_found_in_a_folder_reproduces_with_the_folder_as_given()
    {
        // Found by a fresh-clone review: `check arches` printed every file of the folder after the ops.
        cli.Write(Path.Combine("arches", "xen-strict-copy.arch.yaml"),
            "arch: xen-strict-copy\nmechanisms:\n  - kind: hypercall-batch\n    entries: 32\n    arg-bytes: 512\n    tolerant-enter: false\n");

        var check = cli.Run("check", "arches", "--no-builtins", "--arch", "xen-strict-copy", "--depth", "1");

        Assert.Equal(1, check.Code);
        var reproduce = check.Out.Split('\n').Single(l => l.TrimStart().StartsWith("reproduce: ", StringComparison.Ordinal)).Trim()["reproduce: ".Length..];
        Assert.Equal("lazymmu trace --arch xen-strict-copy --ops \"enable(preempt=2)\" --check arches --no-builtins", reproduce);
        Assert.Contains("BUG: enter_lazy: CPU 0 is already in XEN_LAZY_MMU", cli.RunPrinted(reproduce).Out);
    }

    [Fact]
    public void A_mechanism_that_flushes_every_write_fails_batching_is_real_and_one_without_a_bound_is_said_unchecked()
    {
        // Found by a fresh-clone review: the sample declared no 'batching:', so flushing every write passed in silence.
        var fragment = Path.Combine("arches", "mechanisms", "svinval-batch", "pte-complete.scriban");
        cli.Write(fragment, File.ReadAllText(Path.Combine(cli.Folder, fragment))
            .Replace("c.Cpu.Svinval.Queue(id, c.TaskId, w.Mm);", "global::RiscvSample.Mechanisms.SvinvalBatch.FlushOne(c.Machine, id);"));

        var unbatched = cli.Run("check", "arches", "--no-builtins", "--depth", "4", "--no-timing");
        Assert.Equal(1, unbatched.Code);
        Assert.Contains("riscv-svinval | FAIL   | 2     | 12     | 252         | batching is real | enable;set_pte(addr=0x1000)", unbatched.Out);

        var definition = Path.Combine("arches", "mechanisms", "svinval-batch", "mechanism.yaml");
        var text = File.ReadAllText(Path.Combine(cli.Folder, definition));
        cli.Write(definition, text.Replace("batching:\n  effects: [sfence_w_inval, sfence_vma_all, sfence_vma]\n", ""));
        var unbounded = cli.Run("check", "arches", "--no-builtins", "--depth", "4", "--no-timing");
        Assert.Equal(0, unbounded.Code);
        Assert.Contains("\nbatching is real: not checked for riscv-svinval: its callbacks do work but none of its mechanisms declares 'batching:' "
            + "(docs/mechanisms.md#batching)\n", unbounded.Out);
        Assert.DoesNotContain("not checked", cli.Run("check", "--depth", "1", "--no-timing").Out);
        var json = System.Text.Json.JsonDocument.Parse(cli.Run("check", "arches", "--no-builtins", "--depth", "2", "--format", "json").Out).RootElement[0];
        Assert.Equal(["batching is real"], json.GetProperty("unchecked").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public void The_schema_of_a_folder_knows_its_own_mechanisms()
    {
        // Found by a fresh-clone review: the schema listed only the built-ins, so an editor flagged `kind: svinval-batch`.
        var schema = cli.Run("schema", "arches");
        Assert.Equal(0, schema.Code);
        var defs = JsonDocument.Parse(schema.Out).RootElement.GetProperty("$defs");
        Assert.Contains("svinval-batch", defs.GetProperty("mechanismName").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.True(defs.GetProperty("svinval-batch").GetProperty("properties").TryGetProperty("threshold", out _));
        Assert.Equal(File.ReadAllText(RepoRoot.Combine("schema", "arch.schema.json")), cli.Run("schema").Out);

        var definition = Path.Combine("arches", "mechanisms", "svinval-batch", "mechanism.yaml");
        cli.Write(definition, File.ReadAllText(Path.Combine(cli.Folder, definition)).Replace("phases:", "phasez:"));
        var broken = cli.Run("schema", "arches");
        Assert.Equal(2, broken.Code);
        Assert.Matches(@"^arches/mechanisms/svinval-batch/mechanism\.yaml\(\d+,1\): error LMG0024: Mechanism definition: unknown field 'phasez'\. Did you mean 'phases'\?", broken.Err);
        Assert.Equal("", broken.Out);

        // A mistyped option is said as the other commands say it, not as a path that does not exist.
        var option = cli.Run("schema", "--format", "json");
        Assert.Equal(2, option.Code);
        Assert.Equal("error: unknown option '--format' for 'lazymmu schema'. 'lazymmu schema' takes no options.\nRun 'lazymmu schema --help' for usage.", option.Err.Trim().Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_kind_a_primitive_names_but_no_definition_declares_is_warned_about_with_the_nearest_name()
    {
        // Found by a fresh-clone review: a typo in the C# primitive's EffectKind.Named(...) was counted under the typo and
        // priced at 0 by simulate, in silence.
        var primitive = Path.Combine("arches", "mechanisms", "svinval-batch", "SvinvalBatch.cs");
        cli.Write(primitive, File.ReadAllText(Path.Combine(cli.Folder, primitive)).Replace("Named(\"sfence_w_inval\")", "Named(\"sfence_w_invl\")"));
        const string Warning = "warning: effect kind 'sfence_w_invl' is counted by code but declared by no mechanism (an 'effects:' entry of a mechanism.yaml): "
            + "simulate prices it at 0 cycles and no batching bound counts it. Did you mean 'sfence_w_inval'?";

        foreach (var command in new[] { new[] { "trace", "--ops", "enable;set_pte;disable" }, ["check", "--depth", "2"], ["simulate", "--workload", "mprotect"] })
        {
            var run = cli.Run([.. command, "arches", "--no-builtins"]);
            Assert.Equal(Warning, run.Err.Trim());
        }
        Assert.Equal("", cli.Run("trace", "--ops", "enable;set_pte;disable").Err);
    }

    [Fact]
    public void A_template_in_a_folder_that_is_neither_an_override_nor_a_fragment_is_warned_about()
    {
        // Found by a fresh-clone review: the sample's overrides/tlb-batch-flush.scriban (a LazyMmuTemplate item of its csproj)
        // was skipped in silence by `trace FOLDER`, so the folder and --project gave different arches.
        cli.Write(Path.Combine("arches", "overrides", "flush.scriban"), "            c.Bug(\"override used\");\n");

        var run = cli.Run("trace", "arches", "--no-builtins", "--ops", "enable");

        Assert.Equal(0, run.Code);
        Assert.Equal($"warning: {Path.Combine("arches", "overrides", "flush.scriban")} is not used: in a folder the tool takes template overrides from below "
            + "templates/, named by their path there (e.g. templates/mechanisms/tlb-batch/flush.scriban), and fragments from mechanisms/NAME/; "
            + "a project's LazyMmuTemplate items only with --project.",
            run.Err.Trim());
    }
}
