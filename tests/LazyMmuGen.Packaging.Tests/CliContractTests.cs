using System.Text.Json;
using LazyMmuGen.Hosting;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>
/// The CLI contract in README.md ("Exit codes and output"): 0 success, 1 a violation or an arch BUG or refused op,
/// 2 any usage or descriptor error (parse errors included); `json` is one document, `jsonl` one object per line;
/// printed reproduce lines run as printed; descriptors given as paths are compiled on the fly and cached.
/// </summary>
public sealed class CliContractTests : IDisposable
{
    private const string Riscv = "arch: cli-riscv-sfence\nsummary: Batches sfence.vma invalidations per CPU.\nmechanisms:\n  - kind: tlb-batch\n    capacity: 64\n    flush-keys: [mm]\n";
    private const string StrictXen = "arch: xen-strict-copy\nmechanisms:\n  - kind: hypercall-batch\n    entries: 32\n    arg-bytes: 512\n    tolerant-enter: false\n";
    private const string Bad = "arch: riscv-bad\nmechanisms:\n  - kind: tlb-batch\n    capacity: 0\n";

    private readonly Cli cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Trace_exits_0_on_success_1_on_a_bug_or_refused_op_and_2_on_usage_errors()
    {
        var riscv = cli.Write("cli-riscv-sfence.arch.yaml", Riscv);
        var ok = cli.Run("trace", riscv, "--ops", "enable;set_pte;set_pte(mm=2);disable");
        Assert.Equal(0, ok.Code);
        Assert.Contains("set_pte(mm=2) | -         | 1      | 0     | yes    | 1       | tlb_flush=1 tlb_flush_entries=1 pte_write=1", ok.Out);

        var bug = cli.Run("trace", "--arch", "x86-xen-strict-enter", "--ops", "enable(preempt=2)");
        Assert.Equal(1, bug.Code);
        Assert.Contains("BUG: enter_lazy: CPU 0 is already in XEN_LAZY_MMU", bug.Out);
        var refused = cli.Run("trace", "--arch", "powerpc-hash", "--ops", "enable;migrate(cpu=1)");
        Assert.Equal(1, refused.Code);
        Assert.Contains("migrate(cpu=1) refused: preemption disabled on CPU 0", refused.Out);

        Assert.Equal(2, cli.Run("trace", "--arch", "arm64", "--ops", "enable;sett_pte").Code);
        Assert.Equal(2, cli.Run("trace", "--arch", "no-such-arch", "--ops", "enable").Code);
        Assert.Equal(2, cli.Run("trace", "--arch", "arm64").Code); // --ops missing: a parse error
        Assert.Equal(2, cli.Run("trace", "--format", "xml", "--ops", "enable").Code);
        Assert.Equal(2, cli.Run("trace", "missing/folder", "--ops", "enable").Code);
        var unknown = cli.Run("check", "--frob");
        Assert.Equal(2, unknown.Code);
        Assert.StartsWith("error: unknown option '--frob' for 'lazymmu check'.", unknown.Err);
    }

    [Fact]
    public void A_descriptor_with_errors_prints_msbuild_style_errors_and_exits_2_for_every_command()
    {
        var bad = cli.Write("bad.arch.yaml", Bad);
        foreach (var command in new[] { new[] { "check", bad }, ["trace", bad, "--ops", "enable"], ["arches", bad], ["simulate", bad] })
        {
            var run = cli.Run(command);
            Assert.Equal(2, run.Code);
            Assert.Equal("", run.Out);
            Assert.Equal($"{bad}(4,15): error LMG0011: Parameter 'capacity' of 'tlb-batch' is 0, outside the allowed range 1..255.", run.Err.Trim());
        }
    }

    [Fact]
    public void A_descriptor_redefining_a_builtin_is_LMG0007_at_its_arch_line_unless_builtins_are_left_out()
    {
        var mine = cli.Write("mine.arch.yaml", "# my arm64\narch: arm64\nmechanisms:\n  - kind: deferred-barriers\n");
        var clash = cli.Run("arches", mine);
        Assert.Equal(2, clash.Code);
        Assert.StartsWith($"{mine}(2,7): error LMG0007: Arch 'arm64' is already a built-in arch (arm64.arch.yaml).", clash.Err);
        var alone = cli.Run("arches", mine, "--no-builtins", "--format", "json");
        Assert.Equal(0, alone.Code);
        Assert.Equal("arm64", JsonDocument.Parse(alone.Out).RootElement.EnumerateArray().Single().GetProperty("arch").GetString());
    }

    [Fact]
    public void Trace_check_gives_the_checkers_verdict_on_the_ops()
    {
        // Found by a fresh-clone review: a reproduce line replayed the ops but said nothing and exited 0 when the broken
        // property was not a BUG (README: s390 under v2 fails "outermost leave restores preemption").
        var v2 = cli.Run("trace", "--arch", "s390", "--revision", "v2", "--ops", "enable;enable;pause;disable;disable", "--check");
        Assert.Equal(1, v2.Code);
        Assert.Contains("check: op 5 (disable) breaks \"outermost leave restores preemption\": preempt_count 0 before enter, 1 after leave\n", v2.Out);
        Assert.Equal(0, cli.Run("trace", "--arch", "s390", "--revision", "v2", "--ops", "enable;enable;pause;disable;disable").Code);

        var pass = cli.Run("trace", "--arch", "arm64", "--ops", "enable;set_pte;disable", "--check");
        Assert.Equal(0, pass.Code);
        Assert.Contains("check: every property the model checker checks holds after each of the 3 ops\n", pass.Out);
        // A refused op breaks nothing but is exit 1, as in any trace: the verdict says so.
        var refused = cli.Run("trace", "--arch", "arm64", "--ops", "irq_exit;set_pte", "--check");
        Assert.Equal(1, refused.Code);
        Assert.Contains("check: every property the model checker checks holds after each of the 2 ops; exit 1 because op 1 (irq_exit) was refused: irq_exit refused: not in interrupt context\n", refused.Out);

        var json = cli.Run("trace", "--arch", "s390", "--revision", "v2", "--ops", "enable;enable;pause;disable;disable", "--check", "--format", "json");
        Assert.Equal(1, json.Code);
        Assert.Equal(5, JsonDocument.Parse(json.Out).RootElement.GetArrayLength());
        Assert.StartsWith("check: op 5 (disable) breaks", json.Err);

        // After a misuse the explorer ends a sequence at an op the machine refuses; the verdict says which ops it judged.
        var misused = cli.Run("trace", "--arch", "arm64-kpkeys", "--ops", "disable;set_pte;set_pte;enable", "--check");
        Assert.Contains("check: no property breaks up to op 2 (set_pte), which the machine refused after a misuse: the model checker demands "
            + "nothing more of such a sequence, so ops 3..4 are not judged\n", misused.Out);
        Assert.Contains("breaks \"no arch BUG\" (the descriptor's expected-violation): ",
            cli.Run("trace", "--arch", "x86-xen-strict-enter", "--ops", "enable(preempt=2)", "--check").Out);

        var strict = cli.Run("trace", "--arch", "arm64", "--ops", "enable", "--check", "--strict");
        Assert.Equal(2, strict.Code);
        Assert.Equal("error: --check replays as the model checker runs (warn-once misuse): leave out --strict.", strict.Err.Trim());
    }

    [Theory]
    [InlineData("mine.yaml", "error: 'mine.yaml' is not a descriptor: the tool takes descriptors (*.arch.yaml or *.arch.yml), template overrides (*.scriban) and primitives (*.cs), or folders of them.")]
    [InlineData("mechanisms/m/mechanism.yaml", "error: 'mechanisms/m/mechanism.yaml' is a mechanism definition: give the descriptor that uses it (a *.arch.yaml beside its mechanisms/ folder), or the folder that holds mechanisms/.")]
    [InlineData("nope.arch.yaml", "error: 'nope.arch.yaml' does not exist: give descriptor files (*.arch.yaml) or folders holding them.")]
    public void A_path_the_generator_would_ignore_is_a_usage_error_not_a_run_on_the_built_ins(string path, string expected)
    {
        // Found by a fresh-clone review: `trace mine.yaml` traced the ten built-ins and exited 0.
        if (path != "nope.arch.yaml") cli.Write(path, "arch: mine\n");

        var run = cli.Run("trace", path, "--ops", "enable");

        Assert.Equal(2, run.Code);
        Assert.Equal(expected, run.Err.Trim());
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void No_arch_to_run_is_a_usage_error_not_a_pass_over_nothing()
    {
        // Found by a fresh-clone review: `check overrides/x.scriban --no-builtins` printed an empty table and exited 0.
        cli.Write(Path.Combine("overrides", "x.scriban"), "// nothing\n");

        var run = cli.Run("check", Path.Combine("overrides", "x.scriban"), "--no-builtins");

        Assert.Equal(2, run.Code);
        Assert.EndsWith("error: no arch to run: the given paths define none (only templates or primitives?) and --no-builtins leaves out the built-ins.", run.Err.Trim());
        Assert.DoesNotContain("explored", run.Out); // only the generator's LMG0022 warning about the template, no table
    }

    [Fact]
    public void A_yml_descriptor_is_read_in_a_folder_as_by_name()
    {
        cli.Write(Path.Combine("yml", "mine.arch.yml"), "arch: riscv-yml\nmechanisms:\n  - deferred-barriers\n");

        var run = cli.Run("arches", "yml", "--no-builtins", "--format", "json");

        Assert.Equal(0, run.Code);
        Assert.Equal("riscv-yml", JsonDocument.Parse(run.Out).RootElement.EnumerateArray().Single().GetProperty("arch").GetString());
    }

    [Theory]
    [InlineData("check --revision v4", "error: --revision must be one of final, v3, v2, legacy, got 'v4'.")]
    [InlineData("check --revision V3", "error: --revision must be one of final, v3, v2, legacy, got 'V3'. Did you mean 'v3'?")]
    [InlineData("check --diff final,legcy", "error: --diff expects two different revisions of final, v3, v2, legacy separated by a comma, e.g. final,v3 (got 'final,legcy'). 'legcy' is not a revision. Did you mean 'legacy'?")]
    [InlineData("check --diff v9,lgacy", "error: --diff expects two different revisions of final, v3, v2, legacy separated by a comma, e.g. final,v3 (got 'v9,lgacy'). 'v9' is not a revision. 'lgacy' is not a revision. Did you mean 'legacy'?")]
    [InlineData("check --diff final,", "error: --diff expects two different revisions of final, v3, v2, legacy separated by a comma, e.g. final,v3 (got 'final,'). Item 2 of 2 is empty.")]
    [InlineData("check --diff final,v9", "error: --diff expects two different revisions of final, v3, v2, legacy separated by a comma, e.g. final,v3 (got 'final,v9'). 'v9' is not a revision.")]
    [InlineData("trace --ops enable --format jsn", "error: --format must be one of table, json, jsonl, got 'jsn'. Did you mean 'json'?")]
    [InlineData("trace --arch ARM64 --ops enable", "error: unknown arch 'ARM64'. Did you mean 'arm64'? Known arches: ")]
    public void A_value_outside_an_options_choices_names_the_option_the_choices_and_the_nearest(string arguments, string expected)
    {
        // Found by a fresh-clone review: System.CommandLine's "Argument 'v4' not recognized" named neither the option nor the fix.
        var run = cli.Run(arguments.Split(' '));

        Assert.Equal(2, run.Code);
        Assert.StartsWith(expected, run.Err);
    }

    [Theory]
    [InlineData("simulate --mode final,,", "error: --mode 'final,,': item 2 of 3 is empty; separate names with one comma and no trailing comma, e.g. --mode final,v3. Modes: eager, legacy, final, v3, v2, or 'all' (eager, legacy, final, v3).")]
    [InlineData("simulate --workload ,unmap", "error: --workload ',unmap': item 1 of 2 is empty; separate names with one comma and no trailing comma, e.g. --workload unmap,fork. Workloads: ")]
    [InlineData("check --arch arm64,", "error: --arch 'arm64,': item 2 of 2 is empty; separate names with one comma and no trailing comma, e.g. --arch arm64,arm64-kpkeys. Known arches: arm64, ")]
    [InlineData("check --arch al", "error: unknown arch 'al'. Did you mean 'all'? Known arches: ")]
    [InlineData("simulate --mode alll", "error: unknown mode 'alll'. Did you mean 'all'? Modes: ")]
    public void A_list_with_an_empty_item_is_refused_and_all_is_suggested_like_a_name(string arguments, string expected)
    {
        // Found by a fresh-clone review: "final,," ran as "final", so a name lost between the commas went unnoticed;
        // "al" got no suggestion because 'all' was not among the candidates.
        var run = cli.Run(arguments.Split(' '));

        Assert.Equal(2, run.Code);
        Assert.StartsWith(expected, run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void All_is_every_arch_loaded_and_works_inside_a_list()
    {
        // Found by a fresh-clone review: with a descriptor given, '--arch all' ran only it (the same as no --arch), and
        // 'all,v2' was "unknown mode 'all'", although README's tour suggested adding v2 to the default modes.
        cli.Write("ab-c.arch.yaml", "arch: ab-c\n");
        var builtins = LazyMmuGen.Arches.LazyMmuArchRegistry.All.Select(a => a.Name).ToList();
        string[] Headers((int Code, string Out, string Err) run) => run.Out.Split('\n').Where(l => l.StartsWith("== ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();

        Assert.Equal(["== ab-c =="], Headers(cli.Run("trace", "ab-c.arch.yaml", "--ops", "enable")));
        Assert.Equal(builtins.Append("ab-c").Order(StringComparer.Ordinal).Select(n => $"== {n} =="), Headers(cli.Run("trace", "ab-c.arch.yaml", "--arch", "all", "--ops", "enable")).Order(StringComparer.Ordinal));
        Assert.Equal(["== ab-c =="], Headers(cli.Run("trace", "ab-c.arch.yaml", "--no-builtins", "--arch", "all", "--ops", "enable")));

        var run = cli.Run("simulate", "--arch", "arm64,all", "--workload", "unmap,all", "--mode", "all,v2,eager", "--format", "json");
        Assert.Equal(0, run.Code);
        var rows = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().Select(r => (Arch: r.GetProperty("arch").GetString(), Workload: r.GetProperty("workload").GetString(), Mode: r.GetProperty("mode").GetString())).ToList();
        Assert.Equal(builtins.Count * WorkloadCount * 5, rows.Count);
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(["eager", "legacy", "final", "v3", "v2"], rows.Where(r => r.Arch == "arm64" && r.Workload == "unmap").Select(r => r.Mode));
    }

    private static readonly int WorkloadCount = LazyMmuGen.Simulator.Workloads.WorkloadCatalog.All.Count;

    [Fact]
    public void Trace_separates_arches_by_one_blank_line_and_ends_with_its_last_row()
    {
        var run = cli.Run("trace", "--arch", "arm64,x86-native", "--ops", "enable;disable");

        var text = run.Out.ReplaceLineEndings("\n");
        Assert.EndsWith("\ndisable | -         | 0      | 0     | no     | 0       | -       |\n", text, StringComparison.Ordinal);
        Assert.Contains("|\n\n== x86-native ==\n", text, StringComparison.Ordinal);
        Assert.StartsWith("== arm64 ==\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_number_options_help_shows_the_range_it_checks()
    {
        // One home for the range: the help text is derived from the same min and max the parser enforces.
        Assert.Equal("Depth (1..32).", LazyMmuGen.Cli.Commands.WholeNumberOption.Create("--d", 1, 32, 6, "Depth ({range}).").Description);
        Assert.Equal("Threads, at least 1.", LazyMmuGen.Cli.Commands.WholeNumberOption.CreateOptional("--t", 1, int.MaxValue, "Threads, {range}.").Description);
        Assert.Contains("--depth <depth>                  Longest op sequence to explore (1..32). [default: 6]", cli.Run("check", "--help").Out);
    }

    [Theory]
    [InlineData("project", "is already built by --project, from arm64.arch.yaml. The project already builds its own descriptors: leave the file out, or rename the arch in one of them.")]
    [InlineData("file", "is already defined by arm64.arch.yaml. Rename one of them, or give only one.")]
    public void A_clash_with_a_project_or_another_file_does_not_suggest_no_builtins(string owner, string expected)
    {
        // Found by a fresh-clone review: `--project P P/x.arch.yaml` was told to pass --no-builtins, which does not help.
        var arm64 = LazyMmuGen.Arches.LazyMmuArchRegistry.Find("arm64")!;
        var file = new LazyMmuGen.Hosting.DescriptorFile("P/mine.arch.yaml", "/x/P/mine.arch.yaml", "# mine\narch: arm64\n");
        var error = new StringWriter();

        var clashed = LazyMmuGen.Cli.Commands.ArchClash.Report([arm64, arm64], [], owner == "project" ? [arm64] : [], [file], error);

        Assert.True(clashed);
        Assert.Equal($"P/mine.arch.yaml(2,7): error LMG0007: Arch 'arm64' {expected}", error.ToString().Trim());
    }

    [Fact]
    public void Check_exits_0_1_and_2_and_its_reproduce_line_runs_as_printed()
    {
        var riscv = cli.Write("cli-riscv-sfence.arch.yaml", Riscv);
        var pass = cli.Run("check", riscv, "--depth", "4");
        Assert.Equal(0, pass.Code);
        // CPU symmetry (docs/checker.md#symmetry): tlb-batch declares cpu-symmetric, so states that differ only by
        // which CPU is which are one; --no-symmetry explores them all; any thread count gives the same figures.
        Assert.Contains("cli-riscv-sfence | pass   | 4     | 1805   | 8547", pass.Out);
        Assert.Contains("cli-riscv-sfence | pass   | 4     | 2212   | 10143", cli.Run("check", riscv, "--depth", "4", "--no-symmetry").Out);
        Assert.Contains("cli-riscv-sfence | pass   | 4     | 1805   | 8547", cli.Run("check", riscv, "--depth", "4", "--threads", "1").Out);

        var xen = cli.Write("xen.arch.yaml", StrictXen);
        var fail = cli.Run("check", xen, "--depth", "3", "--revision", "v3");
        Assert.Equal(1, fail.Code);
        var reproduce = fail.Out.Split('\n').Single(l => l.TrimStart().StartsWith("reproduce: ", StringComparison.Ordinal)).Trim()["reproduce: ".Length..];
        Assert.Equal($"lazymmu trace --arch xen-strict-copy --ops \"enable(preempt=2)\" --check --revision v3 {xen}", reproduce);
        var replay = cli.RunPrinted(reproduce);
        Assert.Equal(1, replay.Code);
        Assert.Contains("BUG: enter_lazy: CPU 0 is already in XEN_LAZY_MMU", replay.Out);
        Assert.Contains("check: op 1 (enable(preempt=2)) breaks \"no arch BUG\": BUG: enter_lazy: CPU 0 is already in XEN_LAZY_MMU", replay.Out);

        Assert.Equal(2, cli.Run("check", riscv, "--depth", "0").Code);
        Assert.Equal(2, cli.Run("check", "--arch", "arm64,nope").Code);
        Assert.Equal(2, cli.Run("check", "--revision", "v9").Code);
    }

    [Theory]
    [InlineData("check", "--depth", "x", "--depth must be a whole number 1..32, got 'x'.")]
    [InlineData("check", "--depth", "33", "--depth must be a whole number 1..32, got '33'.")]
    [InlineData("check", "--threads", "0", "--threads must be a whole number of at least 1, got '0'.")]
    [InlineData("check", "--threads", "1.5", "--threads must be a whole number of at least 1, got '1.5'.")]
    [InlineData("simulate", "--size", "65537", "--size must be a whole number 1..65536, got '65537'.")]
    public void A_bad_whole_number_is_a_usage_error_naming_the_option_its_range_and_the_value(string command, string option, string value, string message)
    {
        // Not System.CommandLine's "Cannot parse argument 'x' ... as expected type 'System.Int32'" (WholeNumberOption).
        var run = cli.Run(command, option, value);
        Assert.Equal(2, run.Code);
        Assert.Equal(["error: " + message, $"Run 'lazymmu {command} --help' for usage."], run.Err.Trim().Split('\n').Select(l => l.Trim()));
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("chek", "error: unknown command 'chek'. Did you mean 'check'? Commands: arches, trace, check, simulate, new-arch, accept, schema.|Run 'lazymmu check --help' for its usage.")]
    [InlineData("accept --chek", "error: unknown option '--chek' for 'lazymmu accept'. Did you mean '--check'? Its options: --check.|Run 'lazymmu accept --help' for usage.")]
    [InlineData("accept extra", "error: 'lazymmu accept' takes no arguments, got 'extra'.|Run 'lazymmu accept --help' for usage.")]
    [InlineData("new-arch --form arm64 riscv-a", "error: unknown option '--form' for 'lazymmu new-arch'. Did you mean '--from'? Its options: --from, --out.|Run 'lazymmu new-arch --help' for usage.")]
    [InlineData("new-arch riscv-a riscv-b", "error: 'lazymmu new-arch' takes <name>; 'riscv-b' is one too many.|Run 'lazymmu new-arch --help' for usage.")]
    [InlineData("arches --formt json", "error: unknown option '--formt' for 'lazymmu arches'. Did you mean '--format'? Its options: --format, --no-builtins, --project, --batch-capacity.|Run 'lazymmu arches --help' for usage.")]
    [InlineData("schema --format json", "error: unknown option '--format' for 'lazymmu schema'. 'lazymmu schema' takes no options.|Run 'lazymmu schema --help' for usage.")]
    [InlineData("tarce --ops enable --arch arm64", "error: unknown command 'tarce'. Did you mean 'trace'? Commands: arches, trace, check, simulate, new-arch, accept, schema.|Run 'lazymmu trace --help' for its usage.")]
    [InlineData("--depth 3 check", "error: options go after the command: write 'lazymmu check --depth 3'; '--depth 3' came before 'lazymmu check'.|Run 'lazymmu check --help' for usage.")]
    [InlineData("accept --format json", "error: unknown option '--format' for 'lazymmu accept'. Its options: --check.|Run 'lazymmu accept --help' for usage.")]
    [InlineData("check --dpth=3 --thread 2", "error: unknown option '--dpth' for 'lazymmu check'. Did you mean '--depth'? Its options: --arch, --depth, --revision, --format, --no-timing, --progress, --threads, --no-symmetry, --diff, --no-builtins, --project, --batch-capacity.|error: unknown option '--thread' for 'lazymmu check'. Did you mean '--threads'? Its options: --arch, --depth, --revision, --format, --no-timing, --progress, --threads, --no-symmetry, --diff, --no-builtins, --project, --batch-capacity.|Run 'lazymmu check --help' for usage.")]
    [InlineData("trace --arch arm64", "error: 'lazymmu trace' needs --ops (ops separated by ';', e.g. \"enable;set_pte(kind=kernel);disable\").|Run 'lazymmu trace --help' for usage.")]
    [InlineData("new-arch all", "error: 'all' cannot be an arch name: 'all' is reserved, since the tool's '--arch all' selects every arch; choose a name for what the arch does (e.g. 'riscv-sfence').")]
    [InlineData("new-arch info", "error: 'info' cannot be an arch name: its type name Info is not usable: the generated code already uses that name; choose another name, or scaffold one and add 'type-name: InfoArch' to it.")]
    [InlineData("new-arch task-state", "error: 'task-state' cannot be an arch name: its type name TaskState is not usable: the generated code already uses that name; choose another name, or scaffold one and add 'type-name: TaskStateArch' to it.")]
    [InlineData("new-arch --from arm64", "error: 'lazymmu new-arch' needs <name> (arch name: lowercase letters and digits in dash-separated words, e.g. riscv-sfence).|Run 'lazymmu new-arch --help' for usage.")]
    [InlineData("trace --arch arm64 --ops enable;set_ptee;disable", "error: unknown op 'set_ptee'. Did you mean 'set_pte'? Known ops: enable, disable, pause, resume, irq_enter, irq_exit, set_pte, get_pte, switch, migrate, preempt_disable, preempt_enable (column 8 of --ops)|enable;set_ptee;disable|^")]
    [InlineData("trace --arch arm64 --ops set_pte(adr=0x1000)", "error: 'set_pte' has no key 'adr'. Did you mean 'addr'? Its keys: kind, valid, mm, addr, value, page_shift, segment_shift. (column 9 of --ops)|set_pte(adr=0x1000)|^")]
    [InlineData("--help --version", "error: --version takes nothing else, got '--help'. Run 'lazymmu --version' alone.")]
    [InlineData("--version extra", "error: --version takes nothing else, got 'extra'. Run 'lazymmu --version' alone.")]
    [InlineData("simulate --mode fnal", "error: unknown mode 'fnal'. Did you mean 'final'? Modes: eager, legacy, final, v3, v2, or 'all' (eager, legacy, final, v3).")]
    [InlineData("simulate --profile aple-m2", "error: unknown profile 'aple-m2'. Did you mean 'apple-m2'? Profiles: default, apple-m2, ampere-altra, or the path of a profile file (*.json).")]
    public void A_mistyped_command_option_or_value_is_named_with_the_nearest_one_and_the_help_to_read(string args, string expected)
    {
        // Not System.CommandLine's "Unrecognized command or argument" (UsageErrors), and the same words whichever part
        // of the tool finds the token: the parser, or a command whose arguments are paths.
        var run = cli.Run(args.Split(' '));
        Assert.Equal(2, run.Code);
        Assert.Equal(expected.Split('|'), run.Err.Trim().Split('\n').Select(l => l.Trim()));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void A_profile_path_that_is_a_folder_or_missing_is_said_in_the_tools_words()
    {
        // .NET says "Access to the path '/x' is denied." for a folder on Linux.
        var folder = Directory.CreateDirectory(Path.Combine(cli.Folder, "profiles-here")).FullName;
        Assert.Equal($"error: {folder}: this is a folder; give the path of a JSON file", cli.Run("simulate", "--profile", folder).Err.Trim());
        var missing = Path.Combine(folder, "nope.json");
        Assert.Equal($"error: {missing}: no such file", cli.Run("simulate", "--profile", missing).Err.Trim());
        // A folder named as it is, without a slash, is a path too (not an unknown profile name).
        Assert.Equal("error: profiles-here: this is a folder; give the path of a JSON file", cli.Run("simulate", "--profile", "profiles-here").Err.Trim());
        // System.Text.Json's message quotes the text, line break and all: the error stays one line.
        var bad = cli.Write(Path.Combine("profiles-here", "bad.json"), "not json\nat all\n");
        var error = cli.Run("simulate", "--profile", bad).Err.Trim();
        Assert.StartsWith($"error: {bad}(1,2): not valid JSON: ", error);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void Json_is_one_document_and_jsonl_one_object_per_line_with_typed_fields()
    {
        var riscv = cli.Write("cli-riscv-sfence.arch.yaml", Riscv);
        var trace = cli.Run("trace", riscv, "--arch", "cli-riscv-sfence,arm64", "--format", "json", "--ops", "enable;set_pte;disable");
        Assert.Equal(0, trace.Code);
        var rows = JsonDocument.Parse(trace.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal(["cli-riscv-sfence", "cli-riscv-sfence", "cli-riscv-sfence", "arm64", "arm64", "arm64"], rows.Select(r => r.GetProperty("arch").GetString()));
        Assert.Equal(JsonValueKind.True, rows[0].GetProperty("active").ValueKind);
        Assert.Equal(1, rows[0].GetProperty("enable_count").GetInt32());

        var lines = cli.Run("trace", riscv, "--format", "jsonl", "--ops", "enable;disable").Out.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(l).RootElement.ValueKind));

        var check = JsonDocument.Parse(cli.Run("check", "--arch", "arm64", "--depth", "2", "--format", "json").Out).RootElement.EnumerateArray().Single();
        Assert.Equal(JsonValueKind.True, check.GetProperty("passed").ValueKind);
        Assert.Equal(2, check.GetProperty("depth").GetInt32());
        Assert.Equal("final", check.GetProperty("revision").GetString());

        var arches = JsonDocument.Parse(cli.Run("arches", "--format", "json").Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(arches.Count, cli.Run("arches", "--format", "jsonl").Out.Trim().Split('\n').Length);
        Assert.DoesNotContain("\\u002B", cli.Run("arches", "--format", "json").Out); // "+" stays "+" (summaries say dsb(ishst)+isb)
        Assert.Equal(JsonValueKind.False, arches.Single(a => a.GetProperty("arch").GetString() == "x86-native").GetProperty("opts_in").ValueKind);

        var simulate = JsonDocument.Parse(cli.Run("simulate", "--arch", "arm64", "--workload", "unmap", "--format", "json").Out).RootElement;
        Assert.Equal(4, simulate.GetArrayLength());
        var diff = JsonDocument.Parse(cli.Run("check", "--arch", "arm64", "--diff", "final,v3", "--depth", "3", "--format", "json").Out).RootElement;
        Assert.All(diff.EnumerateArray(), d => Assert.Equal("v3", d.GetProperty("right_revision").GetString()));
        Assert.True(diff.GetArrayLength() > 0);
        // Typed sides (found by a fresh-clone review: they were the table's text): trace rows, the ops as a list.
        var resume = diff.EnumerateArray().First(d => d.GetProperty("kind").GetString() == "resume-without-pause");
        Assert.Equal(["resume"], resume.GetProperty("ops").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(["warnings"], resume.GetProperty("aspects").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(255, resume.GetProperty("left").GetProperty("pause_count").GetInt32());
        Assert.Equal(["lazy_mmu_mode_resume: pause_count == 0, wraps to 255"], resume.GetProperty("left").GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(0, resume.GetProperty("right").GetProperty("warnings").GetArrayLength());
        Assert.Equal("lazymmu trace --arch arm64 --revision final --ops \"resume\"", resume.GetProperty("reproduce").GetString());
        Assert.Equal("lazymmu trace --arch arm64 --revision v3 --ops \"resume\"", resume.GetProperty("reproduce_right").GetString());
    }

    [Theory]
    [InlineData("final,final", "error: --diff expects two different revisions of final, v3, v2, legacy separated by a comma, e.g. final,v3 (got 'final,final'). Both are 'final'.")]
    [InlineData("final,v3 --revision v2", "error: --diff does not take --revision: it names both revisions itself.")]
    [InlineData("final,v3 --progress --threads 2", "error: --diff does not take --progress, --threads: it prints no progress; it explores on one thread.")]
    public void A_diff_refuses_options_it_would_ignore(string arguments, string expected)
    {
        var run = cli.Run(["check", "--arch", "arm64", "--diff", .. arguments.Split(' ')]);

        Assert.Equal(2, run.Code);
        Assert.Equal(expected, run.Err.Trim());
    }

    [Fact]
    public void Check_json_holds_the_counterexample_its_trace_and_a_separate_timing_object()
    {
        var run = cli.Run("check", "--arch", "x86-xen-strict-enter", "--depth", "4", "--format", "json");
        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Err); // no progress: standard error is not a terminal and --progress was not given
        var result = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().Single();
        Assert.Equal("no arch BUG", result.GetProperty("property").GetString());
        Assert.Equal(["enable(preempt=2)"], result.GetProperty("ops").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(1, result.GetProperty("length").GetInt32());
        Assert.Equal("lazymmu trace --arch x86-xen-strict-enter --ops \"enable(preempt=2)\" --check", result.GetProperty("reproduce").GetString());
        var row = result.GetProperty("trace").EnumerateArray().Single();
        Assert.Equal(["enter", "enter"], row.GetProperty("callbacks").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("BUG: enter_lazy: CPU 0 is already in XEN_LAZY_MMU", row.GetProperty("error").GetString());
        Assert.Equal(["seconds", "states_per_second", "peak_memory_mb"], result.GetProperty("timing").EnumerateObject().Select(p => p.Name));

        // --no-timing leaves out only the timing object: two runs print the same bytes.
        var quiet = cli.Run("check", "--arch", "x86-xen-strict-enter", "--depth", "4", "--format", "jsonl", "--no-timing");
        Assert.Equal(quiet.Out, cli.Run("check", "--arch", "x86-xen-strict-enter", "--depth", "4", "--format", "jsonl", "--no-timing").Out);
        var line = JsonDocument.Parse(quiet.Out).RootElement;
        Assert.False(line.TryGetProperty("timing", out _));
        Assert.Equal(result.EnumerateObject().Count() - 1, line.EnumerateObject().Count());
        Assert.EndsWith("\nexplored 1 states\n", cli.Run("check", "--arch", "x86-xen-strict-enter", "--depth", "4", "--no-timing").Out);

        // The reproduce line of a descriptor's counterexample runs as printed, as the table's does.
        var xen = cli.Write("xen.arch.yaml", StrictXen);
        var copy = JsonDocument.Parse(cli.Run("check", xen, "--depth", "3", "--revision", "v3", "--format", "json").Out).RootElement.EnumerateArray().Single();
        Assert.Equal($"lazymmu trace --arch xen-strict-copy --ops \"enable(preempt=2)\" --check --revision v3 {xen}", copy.GetProperty("reproduce").GetString());
        Assert.Equal(1, cli.RunPrinted(copy.GetProperty("reproduce").GetString()!).Code);
    }

    [Fact]
    public void Check_progress_over_several_arches_never_goes_back_and_learns_from_the_arches_before()
    {
        var run = cli.Run("check", "--arch", "arm64,sparc64,x86-xen", "--depth", "5", "--progress", "--no-timing");
        Assert.Equal(0, run.Code);
        var lines = run.Err.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(15, lines.Length); // a line per depth per arch
        var overall = lines.Select(l => int.Parse(System.Text.RegularExpressions.Regex.Match(l, @"all arches (\d+)%$").Groups[1].Value)).ToList();
        Assert.Equal(overall.Order(), overall); // it used to fall from 33% to 8% when sparc64 began
        Assert.Equal(100, overall[^1]);
        // sparc64 after its depth 2, estimated with arm64's growth: within a fifth of the 1527 expansions it makes
        // (its own last ratio alone said ~11111).
        var early = System.Text.RegularExpressions.Regex.Match(lines[6], @"^sparc64 \(2/3\) depth 2/5 done: 11 of ~(\d+) states");
        Assert.True(early.Success, lines[6]);
        Assert.InRange(long.Parse(early.Groups[1].Value), 1527 * 4 / 5, 1527 * 6 / 5);
        Assert.StartsWith("sparc64 (2/3) depth 5/5 done: 1527 of 1527 states expanded (100%)", lines[9]);
    }

    [Fact]
    public void Check_progress_is_weighted_by_expected_work_and_printed_to_stderr_when_asked()
    {
        var riscv = cli.Write("cli-riscv-sfence.arch.yaml", Riscv);
        var run = cli.Run("check", riscv, "--arch", "cli-riscv-sfence,x86-xen-strict-enter", "--depth", "4", "--progress", "--no-timing");
        Assert.Equal(0, run.Code);
        Assert.Equal(
            """
            cli-riscv-sfence (1/2) depth 1/4 done: 1 of ~1111 states expanded (0%); all arches 0%
            cli-riscv-sfence (1/2) depth 2/4 done: 11 of ~499 states expanded (2%); all arches 1%
            cli-riscv-sfence (1/2) depth 3/4 done: 76 of ~407 states expanded (18%); all arches 9%
            cli-riscv-sfence (1/2) depth 4/4 done: 407 of 407 states expanded (100%); all arches 50%
            x86-xen-strict-enter (2/2) stopped at depth 1/4: 1 of 1 states expanded (100%); all arches 100%

            """.ReplaceLineEndings("\n"), run.Err.ReplaceLineEndings("\n"));
        Assert.StartsWith("arch ", run.Out, StringComparison.Ordinal); // stdout has the results only
    }

    [Fact]
    public void Simulate_and_arches_exit_2_on_usage_errors()
    {
        Assert.Equal(0, cli.Run("simulate", "--arch", "arm64", "--workload", "unmap").Code);
        Assert.Equal(2, cli.Run("simulate", "--workload", "nope").Code);
        Assert.Equal(2, cli.Run("simulate", "--costs", "missing.json").Code);
        Assert.Equal(0, cli.Run("arches").Code);
        Assert.Equal(2, cli.Run("arches", "no/such/dir").Code);
        Assert.Equal(2, cli.Run("arches", "--format", "yaml").Code);
    }

    [Fact]
    public void Simulate_exits_0_when_a_run_hit_a_BUG_because_the_BUG_is_one_of_its_results()
    {
        // legacy on x86-xen-strict-enter nests enter_lazy, which BUGs (arch/x86/xen/enlighten_pv.c, enter_lazy): a modelled
        // kernel outcome, unlike arch code that threw (FolderMechanismTests, exit 1).
        var run = cli.Run("simulate", "--arch", "x86-xen-strict-enter", "--workload", "unmap", "--mode", "legacy");

        Assert.Equal(0, run.Code);
        Assert.Matches(@"x86-xen-strict-enter \| unmap +\| 256 +\| legacy +\| - +\| - +\| .*\| BUG: enter_lazy: CPU 0 is already in XEN_LAZY_MMU", run.Out);
        Assert.DoesNotContain("error:", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_calibration_refuses_the_run_options_it_would_ignore()
    {
        // Found by a fresh-clone review: --arch, --workload, --size and --mode were silently ignored, as --diff once did.
        var run = cli.Run("simulate", "--calibration", "--arch", "arm64", "--size", "3");

        Assert.Equal(2, run.Code);
        Assert.Equal("error: --calibration does not take --arch, --size: each profile names the arch it was measured on; each profile names the sizes it was measured at.", run.Err.Trim());
        Assert.Equal("", run.Out);
        Assert.Equal("error: --calibration does not take --workload, --mode: each profile names its workload; each profile names the modes it compares.",
            cli.Run("simulate", "--calibration", "--mode", "final", "--workload", "unmap").Err.Trim());
        Assert.Equal(0, cli.Run("simulate", "--calibration", "--profile", "apple-m2").Code);
    }

    [Fact]
    public void Simulate_takes_a_list_of_workloads_like_modes_and_names_the_nearest_for_a_typo()
    {
        var run = cli.Run("simulate", "--arch", "arm64", "--workload", "unmap, fork,unmap", "--mode", "eager", "--format", "json");
        Assert.Equal(0, run.Code);
        var rows = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().Select(r => r.GetProperty("workload").GetString()).ToList();
        Assert.Equal(["unmap", "fork"], rows); // in the order given, each once

        var typo = cli.Run("simulate", "--arch", "arm64", "--workload", "unmap,mprotec");
        Assert.Equal(2, typo.Code);
        Assert.Equal("error: unknown workload 'mprotec'. Did you mean 'mprotect'? Workloads: unmap, setmem, mprotect, fork, mremap, vmalloc, mixed, test-vmalloc-fix-size, or 'all'.", typo.Err.Trim());
        Assert.Equal(2, cli.Run("simulate", "--workload", ",").Code);
    }

    [Fact]
    public void An_out_path_that_cannot_be_written_is_a_usage_error_that_says_why()
    {
        cli.Write("file.txt", "x");
        var missing = Path.Combine(cli.Folder, "no", "such");
        (string[] Args, string Error)[] cases =
        [
            (["simulate", "--arch", "arm64", "--workload", "unmap", "--out", Path.Combine(missing, "r.txt")], $"error: --out {Path.Combine(missing, "r.txt")}: the folder {missing} does not exist."),
            (["simulate", "--arch", "arm64", "--workload", "unmap", "--out", cli.Folder], $"error: --out {cli.Folder}: is a folder; give a file's path."),
            (["simulate", "--calibration", "--format", "svg", "--out", Path.Combine(cli.Folder, "file.txt", "c.svg")], $"error: --out {Path.Combine(cli.Folder, "file.txt", "c.svg")}: {Path.Combine(cli.Folder, "file.txt")} is a file, not a folder."),
            (["new-arch", "ab-c", "--out", Path.Combine(cli.Folder, "file.txt", "a.arch.yaml")], $"error: {Path.Combine(cli.Folder, "file.txt", "a.arch.yaml")}: {Path.Combine(cli.Folder, "file.txt")} is a file, not a folder."),
        ];
        foreach (var (args, error) in cases)
        {
            var run = cli.Run(args);
            Assert.True(run.Code == 2, string.Join(" ", args) + ": " + run.Err);
            Assert.Equal(error, run.Err.Trim());
        }
        Assert.False(Directory.Exists(missing)); // simulate, like a shell redirect, makes no folder

        var from = cli.Run("new-arch", "ab-c", "--from", "sparc", "--out", Path.Combine(cli.Folder, "a.arch.yaml"));
        Assert.Equal(2, from.Code);
        Assert.StartsWith("error: unknown arch 'sparc' for --from. Did you mean 'sparc64'?", from.Err);
    }

    [Theory]
    [InlineData("simulate", "--out", "")]
    [InlineData("simulate", "--costs", " ")]
    [InlineData("check", "--project", "")]
    [InlineData("new-arch ab-c", "--out", "")]
    public void An_empty_path_is_a_usage_error_naming_the_option(string command, string option, string value)
    {
        // Found by a fresh-clone review: new-arch --out '' wrote ./ab-c.arch.yaml, and simulate --out '' said
        // "as expected type 'System.IO.FileInfo'".
        var run = cli.Run([.. command.Split(' '), option, value]);

        Assert.Equal(2, run.Code);
        Assert.Equal($"error: {option} needs a path, got '{value}'.\nRun 'lazymmu {command.Split(' ')[0]} --help' for usage.", run.Err.Trim().ReplaceLineEndings("\n"));
        Assert.False(File.Exists(Path.Combine(cli.Folder, "ab-c.arch.yaml")));
    }

    [Fact]
    public void A_compiled_descriptor_is_cached_by_content()
    {
        var cache = new CompiledArchCache(Path.Combine(cli.Folder, "unit-cache"));
        var path = cli.Write("cli-riscv-sfence.arch.yaml", Riscv);
        var (files, _) = DescriptorFinder.Find([path]);
        using (var first = ExternalArches.Load(files, cache, cli.Folder)) Assert.False(first.FromCache);
        using (var second = ExternalArches.Load(files, cache, cli.Folder))
        {
            Assert.True(second.FromCache);
            Assert.Equal("cli-riscv-sfence", second.Arches.Single().Name);
        }
        Assert.Single(Directory.GetFiles(cache.Folder));
        File.WriteAllText(path, Riscv.Replace("capacity: 64", "capacity: 32"));
        var (changed, _) = DescriptorFinder.Find([path]);
        using (var third = ExternalArches.Load(changed, cache, cli.Folder)) Assert.False(third.FromCache);
        Assert.Equal(2, Directory.GetFiles(cache.Folder).Length);
    }

    [Fact]
    public void Plain_check_exits_0_and_lists_the_strict_xen_variant_as_failing_as_expected()
    {
        var run = cli.Run("check", "--depth", "2");
        Assert.Equal(0, run.Code);
        Assert.Contains("x86-xen-strict-enter | fails as expected | 1     | 1      | 21          | no arch BUG | enable(preempt=2)", run.Out);
        Assert.Contains("x86-xen-strict-enter: fails as expected (no arch BUG): strict enter_lazy() BUGs", run.Out);
    }

    [Fact]
    public void An_expected_violation_that_does_not_happen_or_is_another_one_exits_1()
    {
        var passes = cli.Write("passes.arch.yaml", Riscv + "expected-violation:\n  property: no arch BUG\n  reason: it should, but it does not\n");
        var run = cli.Run("check", passes, "--depth", "3", "--format", "json");
        Assert.Equal(1, run.Code);
        var result = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().Single();
        Assert.Equal("unexpected-pass", result.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.False, result.GetProperty("as_declared").ValueKind);

        var other = cli.Write("other.arch.yaml", StrictXen + "expected-violation:\n  property: a batch never mixes tasks\n  reason: the wrong one\n");
        var mismatch = cli.Run("check", other, "--depth", "3");
        Assert.Equal(1, mismatch.Code);
        Assert.Contains("xen-strict-copy: expected to violate 'a batch never mixes tasks', but the first violation is 'no arch BUG'", mismatch.Out);

        var declared = cli.Write("declared.arch.yaml", StrictXen.Replace("xen-strict-copy", "xen-strict-declared") + "expected-violation:\n  property: no arch BUG\n  reason: shows the race\n");
        Assert.Equal(0, cli.Run("check", declared, "--depth", "3").Code);
    }

    [Fact]
    public void Schema_prints_the_repository_schema_exactly()
    {
        var run = cli.Run("schema");
        Assert.Equal(0, run.Code);
        Assert.Equal(File.ReadAllText(RepoRoot.Combine("schema", "arch.schema.json")), run.Out);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(run.Out).RootElement.ValueKind);
    }
}
