namespace LazyMmuGen.Arches.Tests;

/// <summary>
/// x86 Xen PV: mmu_update requests batched in the per-CPU multicall buffer (MC_BATCH 32 entries, MC_ARGS
/// 512 argument bytes; arch/x86/xen/multicalls.c). Consecutive mmu_updates merge into one entry
/// (xen_extend_mmu_update(), arch/x86/xen/mmu_pv.c), so a run of writes flushes as direct hypercalls.
/// </summary>
public class X86XenTests
{
    private static Machine<X86Xen, X86Xen.TaskState, X86Xen.CpuState> New() => X86Xen.CreateMachine();

    [Fact]
    public void Forty_writes_in_one_section_are_two_direct_hypercalls_of_31_and_9_updates()
    {
        var m = New();
        m.Enable();
        for (var i = 0; i < 31; i++) m.SetPte(Pages.Kernel(Pages.At(i)));
        // arch/x86/xen/multicalls.c: xen_mc_extend_args() refuses when (argidx + size) >= MC_ARGS, so the
        // merged entry holds 31 requests of 16 bytes (496 of the 512 argument bytes), not 32.
        Assert.Equal(0, m.Effects["hypercall"]);
        Assert.Equal(31, m.Pending.Count);
        Assert.Equal(31, m.CpuState(0).Multicalls.Updates);
        Assert.Equal(1, m.CpuState(0).Multicalls.Entries);

        // The 32nd write: __xen_mc_entry() refuses too and flushes. One entry is a "singleton multicall":
        // xen_mc_flush() bypasses HYPERVISOR_multicall and calls xen_single_call() directly.
        var d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(31))));
        Assert.Equal(1, d["hypercall"]);
        Assert.Equal(31, d["mmu_update"]);
        Assert.Equal(0, d["multicall"]);
        Assert.Equal(1, m.Pending.Count);

        for (var i = 32; i < 40; i++) m.SetPte(Pages.Kernel(Pages.At(i)));
        Assert.Equal(9, m.Pending.Count);
        m.Disable();
        Assert.Equal(2, m.Effects["hypercall"]);
        Assert.Equal(0, m.Effects["multicall"]);
        Assert.Equal(0, m.Effects["multicall_entries"]);
        Assert.Equal(40, m.Effects["mmu_update"]);
        Assert.Equal(0, m.Pending.Count);
    }

    [Fact]
    public void A_run_of_512_writes_in_one_section_is_17_direct_hypercalls()
    {
        // An mprotect of one x86-64 page table (512 ptes) in one section: 16 flushes of 31 when the buffer is
        // full, 16 left at leave; each flush is one merged entry, so a direct hypercall (xen_mc_flush()).
        var m = New();
        m.Enable();
        for (var i = 0; i < 512; i++) m.SetPte(Pages.User(Pages.At(i)));
        m.Disable();
        Assert.Equal(17, m.Effects["hypercall"]);
        Assert.Equal(0, m.Effects["multicall"]);
        Assert.Equal(512, m.Effects["mmu_update"]);
    }

    [Fact]
    public void Two_or_more_entries_go_out_as_one_multicall()
    {
        // xen_mc_flush(): only mcidx > 1 issues HYPERVISOR_multicall. Unmerged mmu_updates are one entry each.
        var m = New();
        var buffer = new MulticallBuffer(maxEntries: 32, argBytes: 512, updateBytes: 16, merge: false);
        for (var i = 0; i < 3; i++) Assert.True(buffer.TryAppend(m.Pending.Track(1, 0, 1, Pages.At(i), false), task: 1, mm: 1));
        Assert.Equal(3, buffer.Entries);
        var d = Pages.Delta(m, () => buffer.Issue(m));
        Assert.Equal(1, d["multicall"]);
        Assert.Equal(3, d["multicall_entries"]);
        Assert.Equal(3, d["mmu_update"]);
        Assert.Equal(0, d["hypercall"]);
        Assert.Equal(0, m.Pending.Count);
    }

    [Fact]
    public void Forty_writes_outside_the_mode_are_forty_hypercalls()
    {
        var m = New();
        for (var i = 0; i < 40; i++)
        {
            m.SetPte(Pages.Kernel(Pages.At(i)));
            Assert.Equal(0, m.Pending.Count);
        }
        Assert.Equal(40, m.Effects["hypercall"]);
        Assert.Equal(40, m.Effects["mmu_update"]);
        Assert.Equal(0, m.Effects["multicall"]);
    }

    [Fact]
    public void Context_switch_mid_section_flushes_and_leaves_then_switch_back_reenters()
    {
        var m = New();
        m.Enable();
        for (var i = 0; i < 5; i++) m.SetPte(Pages.Kernel(Pages.At(i)));
        Assert.Equal(5, m.Pending.Count);

        m.Callbacks.Clear();
        var d = Pages.Delta(m, () => m.Switch(2));
        Assert.Equal([ArchCallback.Leave], m.Callbacks.Calls);
        Assert.Equal(1, d["hypercall"]); // one merged entry: a direct hypercall (xen_mc_flush singleton)
        Assert.Equal(0, d["multicall"]);
        Assert.Equal(5, d["mmu_update"]);
        Assert.Equal(1, d["context_switch"]);
        Assert.Equal(0, m.Pending.Count);
        Assert.False(m.CpuState(0).LazyMmu);
        Assert.True(m.IsTaskActive(1));

        // Task 2 is not in a section: each of its writes is a direct hypercall.
        m.Callbacks.Clear();
        d = Pages.Delta(m, () =>
        {
            for (var i = 0; i < 3; i++) m.SetPte(Pages.User(Pages.At(i), mm: 2));
        });
        Assert.Empty(m.Callbacks.Calls);
        Assert.Equal(3, d["hypercall"]);
        Assert.Equal(0, d["multicall"]);
        Assert.Equal(0, m.Pending.Count);

        m.Callbacks.Clear();
        m.Switch(1);
        Assert.Equal([ArchCallback.Enter], m.Callbacks.Calls);
        Assert.True(m.CpuState(0).LazyMmu);
        Assert.True(m.IsActive);

        m.SetPte(Pages.Kernel(Pages.At(5)));
        Assert.Equal(1, m.Pending.Count);
        m.Disable();
        Assert.Equal(0, m.Effects["multicall"]);
        Assert.Equal(9, m.Effects["mmu_update"]);
        Assert.Equal(5, m.Effects["hypercall"]); // switch-out flush, task 2's three writes, the leave
        Assert.Equal(0, m.Pending.Count);
        Assert.False(m.CpuState(0).LazyMmu);
    }

    [Fact]
    public void Switching_to_a_task_outside_any_section_records_no_callback()
    {
        var m = New();
        m.Callbacks.Clear();
        m.Switch(2);
        m.Switch(1);
        Assert.Empty(m.Callbacks.Calls);
        Assert.Equal(2, m.Effects["context_switch"]);
        Assert.Equal(0, m.Effects["multicall"]);
    }

    [Fact]
    public void Preemption_stays_enabled_inside_the_section()
    {
        var m = New();
        m.Enable();
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        for (var i = 0; i < 40; i++)
        {
            m.SetPte(Pages.Kernel(Pages.At(i)));
            Assert.Equal(0, m.CpuAt(0).PreemptCount);
        }
        m.Enable();
        m.Disable(); // nested: flush, with preemption off only around it
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        m.Disable();
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        Assert.Equal(m.Effects["preempt_disable"], m.Effects["preempt_enable"]);
        Assert.Equal(2, m.Effects["preempt_disable"]); // the nested flush and the leave
    }

    [Fact]
    public void Migration_inside_the_section_leaves_on_the_old_cpu_and_reenters_on_the_new_one()
    {
        var m = New();
        m.Enable();
        m.SetPte(Pages.Kernel(Pages.At(0)));
        m.SetPte(Pages.Kernel(Pages.At(1)));
        m.Callbacks.Clear();
        m.Migrate(1);
        Assert.Equal([ArchCallback.Leave, ArchCallback.Enter], m.Callbacks.Calls);
        Assert.Equal(1, m.CurrentCpuId);
        Assert.Equal(1, m.Effects["hypercall"]);
        Assert.Equal(0, m.Pending.Count);
        Assert.False(m.CpuState(0).LazyMmu);
        Assert.True(m.CpuState(1).LazyMmu);

        m.SetPte(Pages.Kernel(Pages.At(2)));
        Assert.Equal(1, m.CpuState(1).Multicalls.Updates);
        Assert.Equal(0, m.CpuState(0).Multicalls.Updates);
        m.Disable();
        Assert.Equal(2, m.Effects["hypercall"]);
        Assert.Equal(0, m.Effects["multicall"]);
        Assert.False(m.CpuState(1).LazyMmu);
    }

    [Fact]
    public void Interrupt_write_inside_a_section_is_a_direct_hypercall_and_does_not_extend_the_batch()
    {
        var m = New();
        m.Enable();
        for (var i = 0; i < 3; i++) m.SetPte(Pages.Kernel(Pages.At(i)));
        m.IrqEnter();
        Assert.False(m.IsActive);
        var d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(100))));
        Assert.Equal(1, d["hypercall"]);
        Assert.Equal(1, d["mmu_update"]);
        Assert.Equal(0, d["multicall"]);
        Assert.Equal(3, m.CpuState(0).Multicalls.Updates);
        Assert.Equal(3, m.Pending.Count);
        Assert.DoesNotContain(m.Pending.All, p => p.InInterrupt);
        m.IrqExit();

        m.Disable();
        Assert.Equal(2, m.Effects["hypercall"]); // the interrupt's own and the section's singleton flush
        Assert.Equal(0, m.Effects["multicall"]);
        Assert.Equal(4, m.Effects["mmu_update"]);
        Assert.Equal(0, m.Pending.Count);
    }

    /// <summary>Preempts task 1 between its counter update and arch_enter, runs task 2, then switches back.</summary>
    private sealed class PreemptBeforeEnter : IPreemptionScheduler
    {
        public void AtPreemptionPoint(MachineCore machine, PreemptSite site)
        {
            if (site != PreemptSite.EnableBeforeEnter) return;
            machine.Switch(2);
            machine.Switch(1);
        }
    }

    [Fact]
    public void Task_preempted_before_arch_enter_is_entered_twice_and_tolerates_it()
    {
        var m = New();
        m.Scheduler = new PreemptBeforeEnter();
        m.Callbacks.Clear();
        m.Enable();
        Assert.Equal([ArchCallback.Enter, ArchCallback.Enter], m.Callbacks.Calls);
        Assert.True(m.CpuState(0).LazyMmu);
        m.Scheduler = null;
        m.SetPte(Pages.Kernel(Pages.At(0)));
        Assert.Equal(1, m.Pending.Count);
        m.Disable();
        Assert.Equal(0, m.Pending.Count);
        Assert.False(m.CpuState(0).LazyMmu);
    }

    [Fact]
    public void Script_switch_mid_section()
    {
        var m = New();
        var rows = Pages.Trace(m, "enable;set_pte;set_pte;switch(task=2);set_pte(mm=2);switch(task=1);set_pte;disable");
        Assert.All(rows, r => Assert.Null(r.Error));
        Assert.Equal(2, rows[2].Pending);
        Assert.Equal([ArchCallback.Leave], rows[3].Callbacks);
        Assert.Equal(1, rows[3].Effects["hypercall"]);
        Assert.Equal(2, rows[3].Task);
        Assert.Equal(1, rows[4].Effects["hypercall"]);
        Assert.Equal([ArchCallback.Enter], rows[5].Callbacks);
        Assert.Equal(1, rows[6].Pending);
        Assert.Equal(0, rows[6].Effects["hypercall"]);
        Assert.Equal(1, rows[7].Effects["hypercall"]);
        Assert.Equal(0, rows[7].Effects["multicall"]);
        Assert.Equal(0, rows[7].Pending);
    }
}
