using System.Text.RegularExpressions;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;
using Microsoft.CodeAnalysis;
using static LazyMmuGen.Tests.Shared.GeneratorHarness;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// Issue 13: effect kinds are declared by the mechanisms that emit them (mechanism.yaml 'effects'), not by a central
/// enum. A consumer mechanism adds a counter by declaring it in its own folder; the generated arch declares it to
/// the runtime, trace output prints it, and a bad declaration or use is LMG0024 / LMG0021 where it is written.
/// </summary>
public sealed class EffectDeclarationTests
{
    private const string Folder = "mechanisms/svinval-demo/";

    // A per-CPU count of sinval.vma issued in a section, closed by one sfence.inval.ir at leave (a minimal shape of
    // the Svinval sequence; the packaged sample models it fully).
    private const string Definition = """
        mechanism: svinval-demo
        summary: Counts sinval.vma per write in a section and one sfence.inval.ir at leave.
        phases: { leave: drain }
        effects:
          - name: sinval_vma
            doc: One SINVAL.VMA.
            cycles: 4
            source: "estimate: for this test"
          - name: sfence_inval_ir
            doc: One SFENCE.INVAL.IR.
            cycles: 30
            source: "estimate: for this test"
          - tlb_flush
        """;

    private static InMemoryAdditionalText[] Mechanism(string definition = Definition, string pteComplete = "            if (c.IsActive) c.Emit({{ effect.sinval_vma }});\n            c.Complete(id);\n") =>
    [
        new(ProjectDir + Folder + "mechanism.yaml", definition),
        new(ProjectDir + Folder + "leave.scriban", "            c.Emit({{ effect.sfence_inval_ir }});\n"),
        new(ProjectDir + Folder + "pte-complete.scriban", pteComplete),
    ];

    private static readonly InMemoryAdditionalText Descriptor = GeneratorHarness.Descriptor("riscv-demo.arch.yaml",
        "arch: riscv-demo\nmechanisms:\n  - kind: svinval-demo\n");

    [Fact]
    public void A_kind_declared_in_a_consumer_mechanism_is_counted_printed_and_declared_with_its_cost()
    {
        var run = Run([.. Mechanism(), Descriptor]);

        Assert.Empty(run.Diagnostics);
        run.AssertCompilesCleanly();
        var arch = Load(run);
        Assert.Equal(["sfence_inval_ir", "sinval_vma", "tlb_flush"], arch.Facts.Effects.Select(k => k.Name).Order());
        var rows = new TraceRunner(arch.CreateMachine(MachineOptions.Default))
            .Run(OpScript.Parse("enable;set_pte(addr=0x1000);set_pte(addr=0x2000);disable")).ToList();
        Assert.Equal("sinval_vma=1 pte_write=1", rows[1].Effects.ToString());
        Assert.Equal("sfence_inval_ir=1", rows[3].Effects.ToString());

        var declared = Assert.Single(EffectKind.Declared, k => k.Name == "sinval_vma").Declaration!;
        Assert.Equal(new EffectDeclaration("sinval_vma", "svinval-demo", 0, "One SINVAL.VMA.", 4, "estimate: for this test"), declared);
    }

    [Fact]
    public void A_fragment_naming_a_kind_its_definition_does_not_list_is_LMG0021_at_the_fragment()
    {
        var run = Run([.. Mechanism(pteComplete: "            c.Emit({{ effect.sinval_vm }});\n            c.Complete(id);\n"), Descriptor]);

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0021", error.Id);
        var span = error.Location.GetLineSpan();
        Assert.Equal(ProjectDir + Folder + "pte-complete.scriban", span.Path);
        Assert.Equal(0, span.StartLinePosition.Line);
        Assert.Contains("effect 'sinval_vm' is not in the 'effects:' list of mechanism 'svinval-demo' (sinval_vma, sfence_inval_ir, tlb_flush). Did you mean 'sinval_vma'?", error.GetMessage());
    }

    [Theory]
    [InlineData("  - name: dsb\n    doc: d\n    cycles: 1\n    source: s\n", 5, "effect 'dsb' is already declared by mechanism 'deferred-barriers'; emit it with a bare '- dsb'")]
    [InlineData("  - sinval_vmaa\n", 5, "effect 'sinval_vmaa' is declared by no mechanism. Did you mean 'sinval_vma'?")]
    [InlineData("  - pte_write\n", 5, "effect 'pte_write' is the machine's own counter")]
    [InlineData("  - name: Sinval-VMA\n    doc: d\n    cycles: 1\n    source: s\n", 5, "'Sinval-VMA' is not an effect name: lowercase snake_case words")]
    [InlineData("  - name: extra\n    doc: d\n    cycles: -1\n    source: s\n", 7, "'cycles' must be a number of cycles, 0 or more")]
    [InlineData("  - name: extra\n    doc: d\n    cycles: 1\n", 5, "'source' is missing")]
    [InlineData("  - name: extra\n    doc: d\n    cylces: 1\n    source: s\n", 7, "unknown effect field 'cylces'. Did you mean 'cycles'?")]
    public void A_bad_effect_entry_is_LMG0024_at_its_line(string entry, int line, string message)
    {
        var definition = Definition.Replace("effects:\n", "effects:\n" + entry);
        var run = Run([.. Mechanism(definition), Descriptor]);

        var error = run.Diagnostics.First(d => d.Id == "LMG0024");
        Assert.Equal(ProjectDir + Folder + "mechanism.yaml", error.Location.GetLineSpan().Path);
        Assert.Equal(line - 1, error.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(message, error.GetMessage());
        // One mistake, one error at the definition; the descriptor says the definition is what to fix.
        Assert.Single(run.Diagnostics, d => d.Id == "LMG0024");
        Assert.Contains("Its definition /project/mechanisms/svinval-demo/mechanism.yaml has errors (LMG0024, reported there)", run.Diagnostics.Single(d => d.Id == "LMG0008").GetMessage());
        run.AssertNoCrash();
    }

    /// <summary>
    /// The derived copies: the runtime primitives in mechanisms/*/*.cs name kinds by string, and the generator keeps
    /// the machine's counter names it refuses; both must match the declarations.
    /// </summary>
    [Fact]
    public void Every_kind_the_built_in_primitives_name_is_declared_by_their_mechanism()
    {
        foreach (var file in Directory.GetFiles(System.IO.Path.Combine(RepoRoot.Folder, "mechanisms"), "*.cs", SearchOption.AllDirectories))
        {
            var owner = MechanismCatalog.Find(new DirectoryInfo(System.IO.Path.GetDirectoryName(file)!).Name)!;
            foreach (Match named in Regex.Matches(File.ReadAllText(file), "EffectKind\\.Named\\(\"([a-z_]+)\"\\)"))
                Assert.Contains(named.Groups[1].Value, owner.Effects.Select(e => e.Name));
        }
        Assert.Equal("machine", MachineEffects.PteWrite.Declaration!.Owner);
        Assert.Equal(EffectChecks.MachineNames, EffectKind.Declared.Where(k => k.Declaration!.Owner == MachineEffects.Owner).Select(k => k.Name));
    }

    [Fact]
    public void The_built_in_kinds_are_declared_once_and_print_grouped_by_mechanism_then_the_machines()
    {
        Assert.Empty(MechanismCatalog.BuiltinProblems);
        var declared = MechanismCatalog.All.SelectMany(m => m.DeclaredEffects).Select(e => $"{e.Owner}:{e.Name}").ToList();
        Assert.Equal([
            "deferred-barriers:dsb", "deferred-barriers:isb",
            "hypercall-batch:hypercall", "hypercall-batch:multicall", "hypercall-batch:multicall_entries", "hypercall-batch:mmu_update",
            "ipte-cache:ipte", "ipte-cache:ipte_entries", "register-switch:reg_write",
            "tlb-batch:tlb_flush", "tlb-batch:tlb_flush_entries", "tlb-batch:tlb_flush_range"], declared);
        Assert.Equal(["reg_write", "isb"], MechanismCatalog.Find("register-switch")!.Effects.Select(e => e.Name));
    }

    private static ArchInfo Load(GeneratorRun run) => Assert.Single(GeneratedArches.Load(run, "effect-declarations"));
}
