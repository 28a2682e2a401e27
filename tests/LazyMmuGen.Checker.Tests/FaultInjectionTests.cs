using LazyMmuGen.Checker.Tests.Injection;

namespace LazyMmuGen.Checker.Tests;

/// <summary>
/// Faults injected the way a consumer overrides a template (an AdditionalFile ".../templates/mechanisms/M/H.scriban"),
/// compiled in-process and model-checked: each is caught with a shortest counterexample, while the same
/// descriptors compiled the same way without the fault pass at the same depth.
/// </summary>
public class FaultInjectionTests
{
    private const int Depth = 4;

    /// <summary>The built-in fragment without the lines containing <paramref name="code"/> (which must exist).</summary>
    private static TemplateFault Without(string mechanism, string hook, string code)
    {
        var lines = Repo.Fragment(mechanism, hook).Split('\n');
        var kept = lines.Where(l => !l.Contains(code, StringComparison.Ordinal)).ToArray();
        Assert.True(kept.Length == lines.Length - 1, $"expected exactly one line with '{code}' in {mechanism}/{hook}.scriban");
        return new TemplateFault(mechanism, hook, string.Join("\n", kept));
    }

    /// <summary>The built-in fragment with every <paramref name="code"/> (which must occur) replaced.</summary>
    private static TemplateFault Replaced(string mechanism, string hook, string code, string replacement) =>
        TemplateFault.Replacing(mechanism, hook, code, replacement);

    private static CheckResult Check(string arch, int depth, params TemplateFault[] faults) => Check(arch, new CheckOptions { Depth = depth }, faults);

    private static CheckResult Check(string arch, CheckOptions options, params TemplateFault[] faults)
    {
        using var arches = InjectedArches.Compile(arch, faults);
        Assert.Equal(arch, arches.Single.Name);
        return ModelChecker.Check(arches.Single, options);
    }

    private static Violation Caught(CheckResult result)
    {
        var violation = Assert.IsType<Violation>(result.Violation);
        // BFS: the first violation is found at the depth of its sequence, and none exists below it.
        Assert.Equal(violation.Ops.Count, result.Depth);
        return violation;
    }

    [Theory]
    [InlineData("arm64")]
    [InlineData("arm64-kpkeys")]
    [InlineData("powerpc-hash")]
    public void The_unmutated_descriptors_compiled_in_process_pass(string arch)
    {
        var result = Check(arch, Depth);
        Assert.True(result.Passed, $"{arch}: {result.Violation?.Property}: {result.Violation?.Detail} after {result.Violation?.Script}");
        Assert.Equal(Depth, result.Depth);
    }

    [Fact]
    public void A_skipped_flush_is_caught_after_a_nested_disable()
    {
        // Only arch_flush loses its barriers: leave.scriban is normally {{ include 'mechanisms/deferred-barriers/flush' }},
        // so it gets the built-in flush text inlined to keep the outermost leave correct.
        var result = Check("arm64", Depth,
            new TemplateFault("deferred-barriers", "flush", ""),
            new TemplateFault("deferred-barriers", "leave", Repo.Fragment("deferred-barriers", "flush")));

        var violation = Caught(result);
        Assert.Equal("guarantee 1: writes complete after disable", violation.Property);
        // Shortest possible: flush only runs on a nested disable (two enables), the deferral needs a valid
        // kernel pte written inside the section, and the nested disable is the step that breaks the promise.
        // Four ops; every shorter sequence either never flushes or has nothing deferred.
        Assert.Equal("enable;enable;set_pte(addr=0x1000);disable", violation.Script);
        Assert.Equal(4, violation.Ops.Count);
        Assert.True(Check("arm64", 3,
            new TemplateFault("deferred-barriers", "flush", ""),
            new TemplateFault("deferred-barriers", "leave", Repo.Fragment("deferred-barriers", "flush"))).Passed);
    }

    [Fact]
    public void An_empty_flush_fragment_also_empties_leave_and_is_caught_at_the_outermost_disable()
    {
        // The override replaces the fragment AND what includes of it render, and the built-in leave.scriban is
        // that include, so the outermost leave skips the barriers too: three ops suffice.
        var violation = Caught(Check("arm64", Depth, new TemplateFault("deferred-barriers", "flush", "")));
        Assert.Equal("guarantee 1: writes complete after disable", violation.Property);
        Assert.Equal("enable;set_pte(addr=0x1000);disable", violation.Script);
        Assert.Equal(3, violation.Ops.Count);
    }

    [Fact]
    public void A_forgotten_register_restore_is_caught()
    {
        var violation = Caught(Check("arm64-kpkeys", Depth, Without("register-switch", "leave", "c.WriteRegister(")));
        Assert.Equal("outermost leave restores registers", violation.Property);
        Assert.Equal(["enable", "disable"], violation.Ops);
        Assert.Equal("[] before enter, [POR_EL1=1] after leave", violation.Detail);
    }

    [Fact]
    public void A_tlb_batch_enter_without_preempt_disable_is_caught()
    {
        // Leave still calls preempt_enable, which the machine refuses at preempt_count 0: the first thing
        // any section does wrong, so it is what the checker reports, at the shortest possible length.
        var violation = Caught(Check("powerpc-hash", Depth, Without("tlb-batch", "enter", "c.PreemptDisable();")));
        Assert.Equal("arch respects machine rules", violation.Property);
        Assert.Equal(["enable", "disable"], violation.Ops);
        Assert.StartsWith("preempt_enable refused", violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tlb_batch_that_never_pins_the_cpu_is_caught()
    {
        TemplateFault[] faults = [Without("tlb-batch", "enter", "c.PreemptDisable();"), Without("tlb-batch", "leave", "c.PreemptEnable();")];

        // Migration mid-section strands the batch on the old CPU; the disable flushes the new CPU's (empty) one.
        // Its first write only makes the pte valid: hash__pte_update() owes nothing for a never-hashed pte.
        var violation = Caught(Check("powerpc-hash", Depth + 1, faults));
        Assert.Equal("guarantee 1: writes complete after disable", violation.Property);
        Assert.Equal("enable;set_pte(addr=0x1000);set_pte(addr=0x1000);migrate(cpu=1);disable", violation.Script);

        // Without migration, a context switch hands the CPU, and the batch on it, to the next task. At six ops two
        // things go wrong: the next task appends to the batch (a batch never mixes tasks), and the next task's own
        // leave flushes the first task's entries, a flush its section never earned (batching is real). BFS meets the
        // second first: its sequence (enable;disable) precedes enable;set_pte at the same depth.
        IReadOnlyList<string> noMigration = ["enable", "disable", "set_pte(addr=0x1000)", "switch(task=2)", "switch(task=1)"];
        var mixed = Caught(Check("powerpc-hash", new CheckOptions { Depth = 6, Alphabet = noMigration }, faults));
        Assert.True(mixed.Property == "batching is real", $"{mixed.Property}: {mixed.Detail} after {mixed.Script}");
        Assert.Equal(["enable", "set_pte(addr=0x1000)", "set_pte(addr=0x1000)", "switch(task=2)", "enable", "disable"], mixed.Ops);
        Assert.StartsWith("tlb-batch: task 2's section emitted 1 tlb_flush", mixed.Detail, StringComparison.Ordinal);
        IReadOnlyList<string> noLeave = ["enable", "set_pte(addr=0x1000)", "switch(task=2)", "switch(task=1)"];
        var appended = Caught(Check("powerpc-hash", new CheckOptions { Depth = 6, Alphabet = noLeave }, faults));
        Assert.Equal("a batch never mixes tasks", appended.Property);
        Assert.Equal(["enable", "set_pte(addr=0x1000)", "set_pte(addr=0x1000)", "switch(task=2)", "enable", "set_pte(addr=0x1000)"], appended.Ops);

        // The unmutated arch passes with that alphabet and depth too.
        Assert.True(Check("powerpc-hash", new CheckOptions { Depth = 6, Alphabet = noMigration }).Passed);
    }

    [Fact]
    public void An_interrupt_that_extends_the_batch_is_caught()
    {
        // Guarantee 4 (docs/contract.md §3): is_lazy_mmu_mode_active() is false in interrupt context, so an
        // interrupt's write must not join the task's batch. Testing the task's mode instead lets it join.
        var fault = Replaced("tlb-batch", "pte-complete", "else if (c.IsActive)", "else if (c.Machine.IsTaskActive(c.TaskId))");
        var violation = Caught(Check("powerpc-hash", Depth, fault));
        Assert.Equal("guarantee 3/4: interrupt writes complete at once", violation.Property);
        Assert.Equal("enable;set_pte(addr=0x1000);irq_enter;set_pte(addr=0x1000)", violation.Script);
    }

    [Fact]
    public void A_read_that_bypasses_the_cache_is_caught_as_a_stale_read()
    {
        // s390 reads a cached pte through the per-CPU cache (ptep_get() of the pinned table); without the
        // get-pte fragment a read inside the ranged section returns the old entry from the page table.
        var violation = Caught(Check("s390", Depth, new TemplateFault("ipte-cache", "get-pte", "")));
        Assert.Equal("read your writes", violation.Property);
        Assert.Equal("enable(mm=1,start=0x1000,end=0x3000);set_pte(addr=0x1000)", violation.Script);
    }

    [Fact]
    public void A_read_that_completes_work_is_caught_as_not_a_read()
    {
        // ptep_get() is a read: the checker reads in place after every set_pte, so a get-pte fragment that completes
        // the task's pending writes (as if a read flushed the cache) changes the state it reads and is reported.
        var violation = Caught(Check("s390", Depth, new TemplateFault("ipte-cache", "get-pte", "c.CompleteTaskWrites();")));
        Assert.Equal("get_pte is a read", violation.Property);
        Assert.Equal("enable(mm=1,start=0x1000,end=0x3000);set_pte(addr=0x1000)", violation.Script);
    }

    [Fact]
    public void A_read_that_changes_state_is_caught_on_an_arch_whose_read_was_plain()
    {
        // arm64's get_pte is the plain page-table read (ArchFacts.GetPteIsPlainRead), so the checker does not write the
        // state around it; an arch.scriban whose GetPte does more is no longer plain, and its read is proved again.
        var fault = TemplateFault.ReplacingInArch("            return c.Machine.PageTable.Read(mm, addr);",
            "            c.Task.BarriersPending = false;\n            return c.Machine.PageTable.Read(mm, addr);");
        using var arches = InjectedArches.Compile("arm64", fault);
        Assert.False(arches.Single.Facts.GetPteIsPlainRead);
        var violation = Caught(ModelChecker.Check(arches.Single, new CheckOptions { Depth = Depth }));
        Assert.Equal("get_pte is a read", violation.Property);
        Assert.Equal("enable;set_pte(addr=0x1000)", violation.Script);
    }

    [Fact]
    public void A_section_that_does_not_switch_to_the_write_level_is_caught_at_its_first_store()
    {
        // "pte stores happen at the write level": kpkeys page tables are writable only at KPKEYS_LVL_PGTABLES
        // ("[RFC PATCH v5 15/18] arm64: mm: Guard page table writes with kpkeys"). An enter that does not switch
        // POR_EL1 leaves the section's stores at DEFAULT (pte-guard does not switch inside the mode): they fault.
        var violation = Caught(Check("arm64-kpkeys", Depth, Without("register-switch", "enter", "c.WriteRegister(")));
        Assert.Equal("pte stores happen at the write level", violation.Property);
        Assert.Equal("enable;set_pte(addr=0x1000)", violation.Script);
        Assert.Equal("page-table store fault: POR_EL1 is 0 on CPU 0, but page tables are writable only at PGTABLES (1) (register-switch)", violation.Detail);
    }

    [Fact]
    public void A_write_outside_the_mode_that_does_not_switch_to_the_write_level_is_caught()
    {
        // Outside a section each write switches POR_EL1 up and back (kpkeys' guard around WRITE_ONCE(*ptep, pte));
        // without the switch up the store runs at DEFAULT. Register discipline alone cannot see it: the register
        // is at its reset value before and after.
        var violation = Caught(Check("arm64-kpkeys", Depth, Without("register-switch", "pte-guard", "c.WriteRegister(")));
        Assert.Equal("pte stores happen at the write level", violation.Property);
        Assert.Equal("set_pte(addr=0x1000)", violation.Script);
    }

    [Fact]
    public void A_write_outside_the_mode_that_does_not_switch_back_is_caught()
    {
        // kpkeys: outside a section every pte write switches POR_EL1 to PGTABLES and back (pte-guard /
        // pte-unguard); without the unguard the task keeps running at the write level.
        var violation = Caught(Check("arm64-kpkeys", Depth, new TemplateFault("register-switch", "pte-unguard", "")));
        Assert.Equal("register discipline", violation.Property);
        Assert.Equal("set_pte(addr=0x1000)", violation.Script);
    }

    [Fact]
    public void A_tlb_batch_that_flushes_on_every_append_is_caught_as_unbatched()
    {
        // "Batching is real" (docs/contract.md §7): the flush right after the append completes every write at once, so
        // every correctness property holds, but one section of N owed writes makes N flushes where the bound allows
        // ceil(N/192) plus the flush points. Shortest: the first write of a section only makes the pte valid
        // (hash__pte_update() owes nothing for a never-hashed pte); the second is owed, queued and flushed at once,
        // a flush no flush point, full batch or key change accounts for.
        var fault = Replaced("tlb-batch", "pte-complete", "tlb.Append(id, in w, c.TaskId);", "tlb.Append(id, in w, c.TaskId);\n                tlb.Flush(c.Machine);");
        var violation = Caught(Check("powerpc-hash", Depth, fault));
        Assert.Equal("batching is real", violation.Property);
        Assert.Equal(["enable", "set_pte(addr=0x1000)", "set_pte(addr=0x1000)"], violation.Ops);
        Assert.StartsWith("tlb-batch: task 1's section emitted 1 tlb_flush, more than the 0", violation.Detail, StringComparison.Ordinal);
        Assert.True(Check("powerpc-hash", 2, fault).Passed);
    }

    [Fact]
    public void A_deferred_barrier_flush_that_never_clears_its_flag_is_caught()
    {
        // The mutation run's survivor: without `c.Task.BarriersPending = false` every later flush point emits a dsb
        // although nothing was deferred since the last one.
        var violation = Caught(Check("arm64", Depth + 1, Without("deferred-barriers", "flush", "c.Task.BarriersPending = false;")));
        Assert.True(violation.Property == "batching is real", $"{violation.Property}: {violation.Detail} after {violation.Script}");
        Assert.Equal("enable;enable;set_pte(addr=0x1000);disable;disable", violation.Script);
    }
}
