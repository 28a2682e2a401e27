namespace LazyMmuGen.Arches.Tests;

/// <summary>arm64 kpkeys (proposal): POR_EL1 switched to PGTABLES once per section, plus arm64's deferred barriers.</summary>
public class Arm64KpkeysTests
{
    private const string Por = "POR_EL1";
    private const ulong Default = 0;
    private const ulong Pgtables = 1;

    private static Machine<Arm64Kpkeys, Arm64Kpkeys.TaskState, Arm64Kpkeys.CpuState> New() => Arm64Kpkeys.CreateMachine();

    [Fact]
    public void Page_tables_are_writable_only_with_POR_EL1_at_PGTABLES()
    {
        // "[RFC PATCH v5 15/18] arm64: mm: Guard page table writes with kpkeys": page tables "can only be written at an
        // elevated kpkeys level". register-switch's store-level publishes it; the machine faults any other store.
        var guard = Assert.Single(Arm64Kpkeys.StoreGuards);
        Assert.Equal(new StoreGuard("register-switch", Por, "PGTABLES", Pgtables), guard);
        Assert.Equal([guard], LazyMmuArchRegistry.Arm64Kpkeys.Facts.StoreGuards);
        Assert.Empty(LazyMmuArchRegistry.Arm64.Facts.StoreGuards);

        var m = New();
        var fault = Assert.Throws<PteStoreFaultException>(() => m.PageTable.Store(1, 0x1000, Pages.Kernel(0x1000).Entry));
        Assert.Equal("POR_EL1 is 0 on CPU 0, but page tables are writable only at PGTABLES (1) (register-switch)", fault.Message);
        Assert.Equal(Pte.None, m.PageTable.Read(1, 0x1000));
        m.Registers(0).Write(Por, Pgtables);
        m.PageTable.Store(1, 0x1000, Pages.Kernel(0x1000).Entry);
        Assert.True(m.PageTable.Read(1, 0x1000).Valid);
        // A clone (the model checker's) keeps the guard.
        m.Registers(0).Write(Por, Default);
        Assert.Throws<PteStoreFaultException>(() => m.Clone().PageTable.Store(1, 0x2000, Pages.Kernel(0x2000).Entry));
    }

    [Fact]
    public void A_store_fault_ends_the_trace_like_an_oops_and_writes_nothing()
    {
        // After a misuse (disable at enable_count 0 wraps it to 255) the task counts as in the mode with POR_EL1 never
        // switched, so the next store faults. The kernel does not survive it: arch/arm64/mm/fault.c, __do_kernel_fault()
        // ends in die_kernel_fault(). The trace ends at that op, and the store that faulted is not a pte_write.
        var rows = Pages.Trace(New(), "disable;set_pte;set_pte;enable");
        Assert.Equal(["disable", "set_pte"], rows.Select(r => r.Op));
        Assert.Equal("page-table store fault: POR_EL1 is 0 on CPU 0, but page tables are writable only at PGTABLES (1) (register-switch)", rows[^1].Error);
        Assert.Equal(0, rows[^1].Effects[MachineEffects.PteWrite]);
    }

    [Fact]
    public void Ten_kernel_writes_outside_the_mode_switch_the_register_twice_each()
    {
        var m = New();
        for (var i = 0; i < 10; i++)
        {
            m.SetPte(Pages.Kernel(Pages.At(i)));
            Assert.Equal(Default, m.Registers(0).Read(Por));
            Assert.Equal(0, m.Pending.Count);
        }
        Assert.Equal(20, m.Effects["reg_write"]);
        Assert.Equal(10, m.Effects["dsb"]);
        Assert.Equal(30, m.Effects["isb"]); // switch, barrier, switch back
    }

    [Fact]
    public void Ten_kernel_writes_in_one_section_switch_the_register_once_each_way()
    {
        var m = New();
        m.Enable();
        Assert.Equal(Pgtables, m.Registers(0).Read(Por));
        for (var i = 0; i < 10; i++) m.SetPte(Pages.Kernel(Pages.At(i)));
        Assert.Equal(10, m.Pending.Count);
        Assert.True(m.TaskState(1).BarriersPending);
        m.Disable();
        Assert.Equal(Default, m.Registers(0).Read(Por));
        Assert.Equal(2, m.Effects["reg_write"]);
        Assert.Equal(1, m.Effects["dsb"]);
        Assert.Equal(2, m.Effects["isb"]); // enter's, and the barrier flush's at leave
        Assert.Equal(0, m.Pending.Count);
        Assert.False(m.TaskState(1).BarriersPending);
    }

    [Fact]
    public void Nested_sections_and_pause_resume_restore_the_value_from_before_the_outermost_enable()
    {
        var m = New();
        var reg = () => m.Registers(0).Read(Por);
        Assert.Equal(Default, reg());
        m.Enable();
        Assert.Equal(Pgtables, reg());
        m.Enable();
        Assert.Equal(Pgtables, reg());
        m.SetPte(Pages.Kernel(Pages.At(0)));
        m.Pause();
        Assert.Equal(Default, reg());
        Assert.Equal(0, m.Pending.Count);
        m.SetPte(Pages.Kernel(Pages.At(1))); // paused: switching path
        Assert.Equal(Default, reg());
        m.Pause();
        m.Resume();
        Assert.Equal(Default, reg());
        m.Resume();
        Assert.Equal(Pgtables, reg());
        m.SetPte(Pages.Kernel(Pages.At(2)));
        m.Disable();
        Assert.Equal(Pgtables, reg());
        Assert.Equal(0, m.Pending.Count);
        m.Disable();
        Assert.Equal(Default, reg());
        Assert.Equal(0, m.Pending.Count);
        // enter + pause-leave + resume-enter + leave = 4, plus 2 for the paused write.
        Assert.Equal(6, m.Effects["reg_write"]);
    }

    [Fact]
    public void Leave_restores_a_non_default_value_saved_by_the_outermost_enter()
    {
        var m = New();
        m.Registers(0).Write(Por, 5);
        m.Enable();
        m.Enable();
        Assert.Equal(Pgtables, m.Registers(0).Read(Por));
        m.Disable();
        Assert.Equal(Pgtables, m.Registers(0).Read(Por));
        m.Disable();
        Assert.Equal(5UL, m.Registers(0).Read(Por));
    }

    [Fact]
    public void Interrupt_write_inside_a_section_uses_the_switching_path_and_irq_exit_restores_pgtables()
    {
        var m = New();
        m.Enable();
        m.SetPte(Pages.Kernel(Pages.At(0)));
        m.IrqEnter();
        Assert.Equal(Default, m.Registers(0).Read(Por)); // exception entry resets it
        var d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(100))));
        Assert.Equal(2, d["reg_write"]);
        Assert.Equal(1, d["dsb"]);
        Assert.Equal(3, d["isb"]);
        Assert.Equal(Default, m.Registers(0).Read(Por));
        Assert.Equal(1, m.Pending.Count); // only the task's own deferred write
        m.IrqExit();
        Assert.Equal(Pgtables, m.Registers(0).Read(Por));
        Assert.True(m.TaskState(1).BarriersPending);

        m.Disable();
        Assert.Equal(Default, m.Registers(0).Read(Por));
        Assert.Equal(0, m.Pending.Count);
    }

    [Fact]
    public void Leave_with_barriers_pending_issues_one_isb_the_barrier_flushs()
    {
        var m = New();
        m.Enable();
        m.SetPte(Pages.Kernel(Pages.At(0)));
        var d = Pages.Delta(m, m.Disable);
        Assert.Equal(1, d["reg_write"]);
        Assert.Equal(1, d["dsb"]);
        Assert.Equal(1, d["isb"]); // the restore's isb is skipped: the flush's covers it
    }

    [Fact]
    public void Leave_without_barriers_pending_issues_one_isb_the_restores()
    {
        var m = New();
        m.Enable();
        m.SetPte(Pages.User(Pages.At(0))); // user ptes never defer barriers
        Assert.False(m.TaskState(1).BarriersPending);
        Assert.Equal(0, m.Pending.Count);
        var d = Pages.Delta(m, m.Disable);
        Assert.Equal(1, d["reg_write"]);
        Assert.Equal(0, d["dsb"]);
        Assert.Equal(1, d["isb"]);
    }

    [Fact]
    public void Context_switch_inside_a_section_switches_the_register_per_task()
    {
        // Preemption stays enabled in a kpkeys section, so POR_EL1 must follow the task (arm64 context-switches
        // it as thread.por_el1), not stay on the CPU: the next task must not inherit page-table write access.
        var m = New();
        m.Enable();
        m.SetPte(Pages.Kernel(Pages.At(0)));
        Assert.Equal(0, m.CpuAt(0).PreemptCount);

        var d = Pages.Delta(m, () => m.Switch(2));
        Assert.Equal(Default, m.Registers(0).Read(Por));
        Assert.Equal(1, d["dsb"]); // __switch_to's dsb; the barrier flag stays with task 1
        Assert.True(m.TaskState(1).BarriersPending);
        Assert.False(m.IsActive);

        // Task 2 writes through the switching path and leaves the register at its own value.
        d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(1), mm: 2)));
        Assert.Equal(2, d["reg_write"]);
        Assert.Equal(1, d["dsb"]);
        Assert.Equal(Default, m.Registers(0).Read(Por));

        m.Switch(1);
        Assert.Equal(Pgtables, m.Registers(0).Read(Por));
        Assert.True(m.IsActive);

        // Back in the section: no switching per write.
        d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(2))));
        Assert.Equal(0, d["reg_write"]);
        Assert.Equal(2, m.Pending.Count);

        m.Disable();
        Assert.Equal(Default, m.Registers(0).Read(Por));
        Assert.Equal(0, m.Pending.Count);
        Assert.False(m.TaskState(1).BarriersPending);
    }

    [Fact]
    public void Switching_between_tasks_outside_any_section_writes_no_register()
    {
        var m = New();
        var d = Pages.Delta(m, () =>
        {
            m.Switch(2);
            m.Switch(1);
        });
        Assert.Equal(0, d["reg_write"]);
        Assert.Equal(0, d["isb"]);
        Assert.Equal(2, d["dsb"]);
        Assert.Equal(Default, m.Registers(0).Read(Por));
    }

    [Fact]
    public void Migration_inside_a_section_carries_the_register_to_the_new_cpu()
    {
        var m = New();
        m.Enable();
        m.SetPte(Pages.Kernel(Pages.At(0)));
        m.Migrate(1);
        Assert.Equal(Pgtables, m.Registers(1).Read(Por));
        Assert.Equal(Default, m.Registers(0).Read(Por)); // the idle CPU keeps no write access

        // Inside the section on the new CPU: no switching.
        var d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(1))));
        Assert.Equal(0, d["reg_write"]);
        Assert.Equal(2, m.Pending.Count);

        m.Disable();
        Assert.Equal(Default, m.Registers(1).Read(Por));
        Assert.Equal(0, m.Pending.Count);
        // A migration is two __switch_to (arch/arm64/kernel/process.c), each with its dsb(ish), plus the barrier flush at leave.
        Assert.Equal(3, m.Effects["dsb"]);
    }

    [Fact]
    public void Script_section_counts()
    {
        var m = New();
        var rows = Pages.Trace(m, "set_pte;enable;set_pte;set_pte(kind=user);irq_enter;set_pte;irq_exit;disable");
        Assert.All(rows, r => Assert.Null(r.Error));
        Assert.Equal(2, rows[0].Effects["reg_write"]);
        Assert.Equal(1, rows[1].Effects["reg_write"]);
        Assert.Equal(0, rows[2].Effects["reg_write"]);
        Assert.Equal(1, rows[2].Pending);
        Assert.Equal(0, rows[3].Effects["reg_write"]);
        Assert.Equal(2, rows[5].Effects["reg_write"]);
        Assert.Equal([ArchCallback.Leave], rows[7].Callbacks);
        Assert.Equal(1, rows[7].Effects["reg_write"]);
        Assert.Equal(1, rows[7].Effects["isb"]);
        Assert.Equal(0, rows[7].Pending);
        Assert.Equal(Default, m.Registers(0).Read(Por));
    }
}
