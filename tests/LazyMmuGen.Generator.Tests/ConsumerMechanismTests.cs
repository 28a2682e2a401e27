using LazyMmuGen.Generator.Emit;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;
using Microsoft.CodeAnalysis;
using static LazyMmuGen.Tests.Shared.GeneratorHarness;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// Issue 13: a mechanism is a folder that can live outside this repository. A consumer's mechanisms/NAME/
/// mechanism.yaml and its HOOK.scriban fragments, given as AdditionalFiles, define a mechanism that a
/// descriptor can name exactly like a built-in one.
/// </summary>
public sealed class ConsumerMechanismTests
{
    private const string Folder = "mechanisms/sfence-batch/";

    // A RISC-V style batch: sfence.vma invalidations queued per CPU and issued at leave (the CPU is pinned).
    private static readonly (string File, string Text)[] Mechanism =
    [
        ("mechanism.yaml", """
            mechanism: sfence-batch
            summary: Queues sfence.vma invalidations per CPU and issues them at flush/leave.
            kernel: riscv (a consumer's own mechanism, for this test)
            claims: [pte-completion, section-preemption]
            phases: { enter: pin, leave: release, flush: drain }
            parameters:
              - name: capacity
                type: integer
                min: 1
                max: 64
                doc: Invalidations per CPU batch.
            """),
        ("cpu-state.scriban", "            public TlbBatch Sfence;\n"),
        ("init-cpu.scriban", "            cpu.Sfence = new TlbBatch({{ p.capacity }}, TlbFlushKeys.Mm);\n"),
        ("enter.scriban", "            c.PreemptDisable();\n"),
        ("flush.scriban", "            c.Cpu.Sfence.Flush(c.Machine);\n"),
        ("leave.scriban", "            c.Cpu.Sfence.Flush(c.Machine);\n            c.PreemptEnable();\n"),
        ("pte-complete.scriban", """
                        if (c.IsActive)
                        {
                            var batch = c.Cpu.Sfence;
                            if (batch.Differs(in w)) batch.Flush(c.Machine);
                            batch.Append(id, in w, c.TaskId);
                            if (batch.IsFull) batch.Flush(c.Machine);
                        }
                        else
                        {
                            TlbBatch.FlushOne(c.Machine, id);
                        }
            """),
    ];

    private static InMemoryAdditionalText[] Files(Func<string, string, string>? edit = null) =>
        Mechanism.Select(f => new InMemoryAdditionalText(ProjectDir + Folder + f.File, edit is null ? f.Text : edit(f.File, f.Text))).ToArray();

    private static readonly InMemoryAdditionalText Descriptor = GeneratorHarness.Descriptor("riscv-own.arch.yaml",
        "arch: riscv-own\nmechanisms:\n  - kind: sfence-batch\n    capacity: 8\n");

    [Fact]
    public void A_mechanism_folder_given_twice_is_one_error_for_the_folder_and_one_for_the_definition()
    {
        // Found by a fresh-clone review: a copy of the folder beside the original gave one LMG0023 per fragment.
        var copy = Mechanism.Select(f => new InMemoryAdditionalText(ProjectDir + "copy/" + Folder + f.File, f.Text));
        var run = Run([.. Files(), .. copy, Descriptor]);

        run.AssertNoCrash();
        var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Equal(["LMG0023", "LMG0024"], errors.Select(d => d.Id).Order());
        var folder = errors.Single(d => d.Id == "LMG0023");
        Assert.Equal($"Template 'mechanisms/sfence-batch/' is overridden by both '{ProjectDir}copy/mechanisms/sfence-batch/' and '{ProjectDir}mechanisms/sfence-batch/'. Keep one.", folder.GetMessage());
        // The generator takes files in path order, so the error is at the second folder's first fragment.
        Assert.StartsWith(ProjectDir + Folder, folder.Location.GetLineSpan().Path);
        Assert.Contains("is already defined by", errors.Single(d => d.Id == "LMG0024").GetMessage());
    }

    [Fact]
    public void A_descriptor_uses_a_consumer_mechanism_like_a_built_in_one()
    {
        var run = Run([.. Files(), Descriptor]);

        run.AssertNoCrash();
        Assert.Empty(run.Diagnostics);
        run.AssertCompilesCleanly();
        Assert.Contains("cpu.Sfence = new TlbBatch(8, TlbFlushKeys.Mm);", run.Source("RiscvOwn.g.cs"));

        var arch = Load(run).Single();
        Assert.Equal(["sfence-batch"], arch.Mechanisms);
        Assert.Equal(["Sfence"], arch.Facts.CpuStateFields);
        // Three writes in one section: one batched flush of three entries at disable, none before.
        var rows = new TraceRunner(arch.CreateMachine(MachineOptions.Default))
            .Run(OpScript.Parse("enable;set_pte(addr=0x1000);set_pte(addr=0x2000);set_pte(addr=0x3000);disable")).ToList();
        Assert.Equal(0, rows[3].Effects["tlb_flush"]);
        Assert.Equal(1, rows[4].Effects["tlb_flush"]);
        Assert.Equal(3, rows[4].Effects["tlb_flush_entries"]);
    }

    [Fact]
    public void The_checker_reads_a_consumer_mechanisms_state_through_the_generated_members()
    {
        // A plain field, an escaped identifier, and the primitive: cloned, listed and fingerprinted without reflection.
        var run = Run([.. Files((file, text) => file == "cpu-state.scriban" ? text + "            public int @Queued;\n            public TlbBatch? Spare;\n" : text), Descriptor]);

        run.AssertCompilesCleanly();
        var machine = Load(run).Single().CreateMachine(MachineOptions.Default);
        var batch = Assert.IsType<TlbBatch>(Assert.Single(machine.MechanismStates(0)));
        var clone = machine.Clone();
        Assert.NotSame(batch, Assert.Single(clone.MechanismStates(0)));
        Assert.Equal(machine.Fingerprint(), clone.Fingerprint());
        // Fields in ordinal name order: "NAME=VALUE", '-' for null, the primitive's own state (tlb-batch: the entry
        // count; the page and segment shift only while it holds entries).
        var cpu0 = machine.Fingerprint().Split("|c1:")[0];
        Assert.True(cpu0.EndsWith("|c0:Queued=0 Sfence=tlb[0] Spare=-", StringComparison.Ordinal), cpu0);
    }

    [Fact]
    public void A_misspelt_parameter_of_a_consumer_mechanism_is_located_with_a_suggestion()
    {
        var run = Run([.. Files(), GeneratorHarness.Descriptor("riscv-own.arch.yaml", "arch: riscv-own\nmechanisms:\n  - kind: sfence-batch\n    capacty: 8\n")]);

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0009", error.Id);
        Assert.Equal((3, 4), (error.Location.GetLineSpan().StartLinePosition.Line, error.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains("Did you mean 'capacity'?", error.GetMessage());
    }

    [Fact]
    public void A_definition_in_a_folder_of_another_name_is_LMG0024_and_the_mechanism_is_unknown()
    {
        var run = Run([.. Files((file, text) => file == "mechanism.yaml" ? text.Replace("mechanism: sfence-batch", "mechanism: sfence-batches") : text), Descriptor]);

        var ids = run.Diagnostics.Select(d => d.Id).Order().ToList();
        Assert.Equal(["LMG0008", "LMG0024"], ids);
        var definitionError = run.Diagnostics.Single(d => d.Id == "LMG0024");
        Assert.Equal(ProjectDir + Folder + "mechanism.yaml", definitionError.Location.GetLineSpan().Path);
        Assert.Contains("is in folder 'sfence-batch'", definitionError.GetMessage());
        Assert.Equal(0, definitionError.Location.GetLineSpan().StartLinePosition.Line); // at 'mechanism: NAME'
        Assert.Contains("has errors (LMG0024, reported there)", run.Diagnostics.Single(d => d.Id == "LMG0008").GetMessage());
    }

    [Fact]
    public void A_definition_with_a_yaml_syntax_error_is_LMG0001_there_and_the_descriptor_is_told_so()
    {
        // Found by a fresh-clone review: the descriptor's LMG0008 named LMG0024 whatever the definition's error was.
        var run = Run([.. Files((file, text) => file == "mechanism.yaml" ? text + "\nbroken: [unclosed\n" : text), Descriptor]);

        Assert.Equal(["LMG0001", "LMG0008"], run.Diagnostics.Select(d => d.Id).Order().ToList());
        Assert.Equal(ProjectDir + Folder + "mechanism.yaml", run.Diagnostics.Single(d => d.Id == "LMG0001").Location.GetLineSpan().Path);
        Assert.Contains($"Its definition {ProjectDir + Folder}mechanism.yaml has errors (LMG0001, reported there): fix them and it is known.",
            run.Diagnostics.Single(d => d.Id == "LMG0008").GetMessage());
    }

    [Fact]
    public void A_phase_given_to_a_hook_whose_fragment_was_deleted_is_LMG0024_at_the_phases_entry()
    {
        // Found by a fresh-clone review: deleting leave.scriban left 'leave: release' ordering nothing, and only
        // the model checker noticed ("outermost leave restores preemption"), far from the cause.
        var run = Run([.. Files().Where(f => !f.Path.EndsWith("/leave.scriban", StringComparison.Ordinal)), Descriptor]);

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0024", error.Id);
        var span = error.Location.GetLineSpan();
        Assert.Equal(ProjectDir + Folder + "mechanism.yaml", span.Path);
        Assert.Equal((4, 22), (span.StartLinePosition.Line, span.StartLinePosition.Character)); // 'leave' in "phases: { enter: pin, leave: release, ..."
        Assert.Equal("Mechanism definition: 'phases' gives hook 'leave' a phase, but mechanisms/sfence-batch/ has no leave.scriban, so the mechanism "
            + "does nothing there: restore the fragment, or drop 'leave' from 'phases'. Fix the mechanism.yaml (docs/mechanisms.md describes its fields).",
            error.GetMessage());
    }

    [Fact]
    public void A_phase_of_pause_is_filled_by_the_leave_fragment_and_names_both_when_neither_is_there()
    {
        var withPause = Files((file, text) => file == "mechanism.yaml" ? text.Replace("flush: drain }", "flush: drain, pause: release }") : text);

        Assert.Empty(Run([.. withPause, Descriptor]).Diagnostics);
        var run = Run([.. withPause.Where(f => !f.Path.EndsWith("/leave.scriban", StringComparison.Ordinal)), Descriptor]);
        Assert.Equal(["'leave'", "'pause'"], run.Diagnostics.Select(d => d.GetMessage().Split(' ')[5]).ToList());
        Assert.Contains("has no pause.scriban nor leave.scriban", run.Diagnostics[1].GetMessage());
    }

    [Fact]
    public void Every_built_in_phase_orders_a_fragment_its_folder_has()
    {
        var unfilled = LazyMmuGen.Generator.Mechanisms.MechanismCatalog.All
            .SelectMany(d => d.Phases.Keys.Select(hook => (d.Name, hook)))
            .Where(x => !TemplateSet.BuiltinSources.ContainsKey($"mechanisms/{x.Name}/{x.hook}")
                && !(Hooks.FallbackOf(x.hook) is { } fallback && TemplateSet.BuiltinSources.ContainsKey($"mechanisms/{x.Name}/{fallback}")))
            .ToList();

        Assert.Empty(unfilled);
        Assert.Contains(LazyMmuGen.Generator.Mechanisms.MechanismCatalog.All, d => d.Phases.Count > 0);
    }

    [Fact]
    public void The_same_mechanism_in_two_folders_is_LMG0024_naming_the_other_definition()
    {
        // Found by a fresh-clone review: "is already defined" did not say where.
        var other = new InMemoryAdditionalText(ProjectDir + "vendor/" + Folder + "mechanism.yaml", Mechanism[0].Text);
        var run = Run([.. Files(), other, Descriptor]);

        var error = Assert.Single(run.Diagnostics, d => d.Id == "LMG0024");
        Assert.Equal(ProjectDir + "vendor/" + Folder + "mechanism.yaml", error.Location.GetLineSpan().Path);
        Assert.Contains($"mechanism 'sfence-batch' is already defined by {ProjectDir}{Folder}mechanism.yaml; give only one of the two folders, or rename one", error.GetMessage());
    }

    [Fact]
    public void A_consumer_mechanism_may_not_take_a_built_in_name()
    {
        var files = Mechanism.Take(1).Select(f => new InMemoryAdditionalText(ProjectDir + "mechanisms/tlb-batch/mechanism.yaml",
            f.Text.Replace("sfence-batch", "tlb-batch"))).ToArray();
        var run = Run(files);

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0024", error.Id);
        Assert.Contains("mechanism 'tlb-batch' is already defined (it is built in)", error.GetMessage());
    }

    [Fact]
    public void A_fragment_for_no_hook_of_a_consumer_mechanism_is_a_warning_at_its_file()
    {
        var run = Run([.. Files(), new InMemoryAdditionalText(ProjectDir + Folder + "leav.scriban", "// typo\n"), Descriptor]);

        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal(("LMG0022", ProjectDir + Folder + "leav.scriban"), (warning.Id, warning.Location.GetLineSpan().Path));
        Assert.Contains("'leav' is not a hook, so this fragment of your mechanism fills nothing. Did you mean 'leave'?", warning.GetMessage());
    }

    [Fact]
    public void Fragments_of_a_folder_without_its_mechanism_yaml_are_one_warning_that_says_so_beside_the_unknown_kind()
    {
        // A fresh-clone review: each fragment was "matches no built-in template ... overrides nothing", which sends the
        // user to the templates/ docs when the file they lack is the definition.
        var run = Run([.. Files().Where(f => !f.Path.EndsWith("mechanism.yaml", StringComparison.Ordinal)), Descriptor]);

        var warning = Assert.Single(run.Diagnostics, d => d.Id == "LMG0022");
        Assert.Equal(ProjectDir + Folder + "cpu-state.scriban", warning.Location.GetLineSpan().Path); // the first, by name
        Assert.Equal("Template 'mechanisms/sfence-batch/cpu-state' is not used: mechanisms/sfence-batch/ has no mechanism.yaml, so its fragments belong to no mechanism. Add mechanisms/sfence-batch/mechanism.yaml to define it (docs/mechanisms.md)", warning.GetMessage());
        Assert.Equal("LMG0008", Assert.Single(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error).Id);
    }

    [Theory]
    [InlineData("mechanisms/tlb-bach/leave.scriban")] // a near miss of a built-in mechanism's folder
    [InlineData("templates/mechanisms/tlbx-batch-x/leave.scriban")] // below templates/: an override, whatever its name
    public void A_typo_in_an_overrides_folder_keeps_its_did_you_mean_and_is_not_told_to_add_a_definition(string path)
    {
        var run = Run([new InMemoryAdditionalText(ProjectDir + path, "// override\n"), Descriptor, .. Files()]);

        var warning = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0022", warning.Id);
        Assert.Contains("it matches no built-in template, so it overrides nothing.", warning.GetMessage());
        Assert.DoesNotContain("mechanism.yaml", warning.GetMessage());
        if (path.StartsWith("mechanisms/", StringComparison.Ordinal)) Assert.Contains("Did you mean 'mechanisms/tlb-batch/leave'?", warning.GetMessage());
    }

    private static IReadOnlyList<ArchInfo> Load(GeneratorRun run) => GeneratedArches.Load(run, "consumer-mechanism");
}
