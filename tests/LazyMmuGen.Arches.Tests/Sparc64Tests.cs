namespace LazyMmuGen.Arches.Tests;

/// <summary>
/// sparc64: per-CPU tlb_batch of 192 virtual addresses, keyed by mm and huge-page shift only
/// (arch/sparc/mm/tlb.c: tlb_batch_add_one()). maybe_tlb_batch_add() (arch/sparc/include/asm/pgtable_64.h)
/// adds only user ptes whose old value was accessible, so these tests write user ptes over valid ones.
/// </summary>
public class Sparc64Tests
{
    private static Machine<Sparc64, Sparc64.TaskState, Sparc64.CpuState> New() => Pages.Populated(Sparc64.CreateMachine());

    [Fact]
    public void Kernel_ptes_are_never_batched_or_flushed_by_the_arch()
    {
        // arch/sparc/include/asm/pgtable_64.h: maybe_tlb_batch_add() adds only `if (mm != &init_mm && ...)`;
        // kernel mappings are left to the caller's flush_tlb_kernel_range().
        var m = New();
        var d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(0))));
        Assert.Equal(0, d["tlb_flush"]);
        m.Enable();
        d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(1))));
        Assert.Equal(0, d["tlb_flush"]);
        Assert.Equal(0, m.CpuState(0).Tlb.Count);
        Assert.Equal(0, m.Pending.Count);
        d = Pages.Delta(m, m.Disable);
        Assert.Equal(0, d["tlb_flush"]);
    }

    [Fact]
    public void Writing_over_an_empty_pte_owes_nothing()
    {
        // maybe_tlb_batch_add(): `pte_accessible(mm, orig)`; an empty old pte was never in the TLB.
        var m = Sparc64.CreateMachine();
        var d = Pages.Delta(m, () => m.SetPte(Pages.User(Pages.At(0))));
        Assert.Equal(0, d["tlb_flush"]);
        m.Enable();
        m.SetPte(Pages.User(Pages.At(1)));
        Assert.Equal(0, m.CpuState(0).Tlb.Count);
        m.SetPte(Pages.User(Pages.At(1))); // now the old pte is valid: batched
        Assert.Equal(1, m.CpuState(0).Tlb.Count);
        Assert.Equal(1, m.Pending.Count);
        m.Disable();
        Assert.Equal(1, m.Effects["tlb_flush"]);
        Assert.Equal(0, m.Pending.Count);
    }

    [Fact]
    public void Interrupt_write_to_another_mm_flushes_the_task_batch_early_then_its_own_page()
    {
        // arch/sparc/mm/tlb.c: tlb_batch_add_one() checks `nr != 0 && mm != tb->mm` and flushes BEFORE it
        // looks at whether the mode is active, so an interrupt writing another mm's pte flushes the batch.
        var m = New();
        m.Enable();
        for (var i = 0; i < 3; i++) m.SetPte(Pages.User(Pages.At(i), mm: 1));
        m.IrqEnter();
        var d = Pages.Delta(m, () => m.SetPte(Pages.User(Pages.At(0), mm: 2)));
        Assert.Equal(2, d["tlb_flush"]); // the task's batch (a range of 3), then its own page
        Assert.Equal(4, d["tlb_flush_entries"]);
        Assert.Equal(1, d["tlb_flush_range"]);
        Assert.Equal(0, m.CpuState(0).Tlb.Count);
        Assert.Equal(0, m.Pending.Count);
        m.IrqExit();
        d = Pages.Delta(m, m.Disable);
        Assert.Equal(0, d["tlb_flush"]);
    }

    [Fact]
    public void Interrupt_write_to_the_same_mm_flushes_only_its_own_page()
    {
        // tlb_batch_add_one(): same mm, mode not active in interrupt context: flush_tsb_user_page() +
        // global_flush_tlb_page() for the one page; the batch is untouched.
        var m = New();
        m.Enable();
        for (var i = 0; i < 3; i++) m.SetPte(Pages.User(Pages.At(i), mm: 1));
        m.IrqEnter();
        var d = Pages.Delta(m, () => m.SetPte(Pages.User(Pages.At(5), mm: 1)));
        Assert.Equal(1, d["tlb_flush"]);
        Assert.Equal(1, d["tlb_flush_entries"]);
        Assert.Equal(3, m.CpuState(0).Tlb.Count);
        Assert.Equal(3, m.Pending.Count);
        m.IrqExit();
        m.Disable();
        Assert.Equal(0, m.Pending.Count);
    }

    [Fact]
    public void Batch_of_193_writes_flushes_192_as_one_cross_cpu_flush_and_1_single_page_at_leave()
    {
        var m = New();
        m.Enable();
        for (var i = 0; i < 191; i++) m.SetPte(Pages.User(Pages.At(i), mm: 4));
        Assert.Equal(0, m.Effects["tlb_flush"]);
        Assert.Equal(191, m.Pending.Count);

        m.SetPte(Pages.User(Pages.At(191), mm: 4));
        Assert.Equal(1, m.Effects["tlb_flush"]);
        Assert.Equal(192, m.Effects["tlb_flush_entries"]);
        Assert.Equal(1, m.Effects["tlb_flush_range"]);
        Assert.Equal(0, m.Pending.Count);

        m.SetPte(Pages.User(Pages.At(192), mm: 4));
        Assert.Equal(1, m.Pending.Count);
        m.Disable();
        Assert.Equal(2, m.Effects["tlb_flush"]);
        Assert.Equal(193, m.Effects["tlb_flush_entries"]);
        Assert.Equal(1, m.Effects["tlb_flush_range"]);
        Assert.Equal(0, m.Pending.Count);
    }

    [Fact]
    public void Mm_change_mid_batch_flushes_the_existing_batch_first()
    {
        var m = New();
        m.Enable();
        for (var i = 0; i < 7; i++) m.SetPte(Pages.User(Pages.At(i), mm: 1));
        var d = Pages.Delta(m, () => m.SetPte(Pages.User(Pages.At(0), mm: 2)));
        Assert.Equal(1, d["tlb_flush"]);
        Assert.Equal(7, d["tlb_flush_entries"]);
        Assert.Equal(1, d["tlb_flush_range"]);
        Assert.Equal(1, m.Pending.Count);
        m.Disable();
        Assert.Equal(2, m.Effects["tlb_flush"]);
        Assert.Equal(8, m.Effects["tlb_flush_entries"]);
        Assert.Equal(0, m.Pending.Count);
    }

    [Fact]
    public void Huge_page_shift_change_flushes_first()
    {
        var m = New();
        m.Enable();
        for (var i = 0; i < 3; i++) m.SetPte(Pages.User(Pages.At(i), pageShift: 13));
        var d = Pages.Delta(m, () => m.SetPte(Pages.User(Pages.At(3), pageShift: 23)));
        Assert.Equal(1, d["tlb_flush"]);
        Assert.Equal(3, d["tlb_flush_entries"]);
        Assert.Equal(1, d["tlb_flush_range"]);
        Assert.Equal(1, m.Pending.Count);
        m.Disable();
        Assert.Equal(2, m.Effects["tlb_flush"]);
        Assert.Equal(4, m.Effects["tlb_flush_entries"]);
        Assert.Equal(1, m.Effects["tlb_flush_range"]);
    }

    [Fact]
    public void Segment_shift_change_does_not_flush()
    {
        var m = New();
        m.Enable();
        for (var i = 0; i < 3; i++) m.SetPte(Pages.User(Pages.At(i), segmentShift: 28));
        var d = Pages.Delta(m, () => m.SetPte(Pages.User(Pages.At(3), segmentShift: 40)));
        Assert.Equal(0, d["tlb_flush"]);
        Assert.Equal(4, m.Pending.Count);
        Assert.Equal(4, m.CpuState(0).Tlb.Count);
        m.Disable();
        Assert.Equal(1, m.Effects["tlb_flush"]);
        Assert.Equal(4, m.Effects["tlb_flush_entries"]);
        Assert.Equal(1, m.Effects["tlb_flush_range"]);
        Assert.Equal(0, m.Pending.Count);
    }

    [Fact]
    public void Outside_the_mode_each_write_is_flushed_at_once()
    {
        var m = New();
        for (var i = 0; i < 10; i++)
        {
            m.SetPte(Pages.User(Pages.At(i)));
            Assert.Equal(i + 1, m.Effects["tlb_flush"]);
            Assert.Equal(0, m.Pending.Count);
        }
        Assert.Equal(10, m.Effects["tlb_flush_entries"]);
        Assert.Equal(0, m.Effects["tlb_flush_range"]);
    }

    [Fact]
    public void Enter_disables_preemption_balanced_at_leave_and_migration_is_refused()
    {
        var m = New();
        m.Enable();
        Assert.Equal(1, m.CpuAt(0).PreemptCount);
        m.SetPte(Pages.User(Pages.At(0)));
        Assert.Throws<MachineRuleException>(() => m.Migrate(1));
        Assert.Equal(0, m.CurrentCpuId);
        Assert.Equal(1, m.Pending.Count);
        m.Disable();
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        Assert.Equal(1, m.Effects["preempt_disable"]);
        Assert.Equal(1, m.Effects["preempt_enable"]);
        Assert.Equal(0, m.Pending.Count);
        m.Migrate(1);
        Assert.Equal(1, m.CurrentCpuId);
    }

    [Fact]
    public void Script_page_shift_flushes_segment_shift_does_not()
    {
        var m = New();
        var rows = Pages.Trace(m,
            "enable;set_pte(kind=user,mm=2,addr=0x3000,page_shift=16);set_pte(kind=user,mm=2,addr=0x4000,page_shift=16,segment_shift=40);" +
            "set_pte(kind=user,mm=2,addr=0x5000,page_shift=13);disable");
        Assert.All(rows, r => Assert.Null(r.Error));
        Assert.Equal(0, rows[2].Effects["tlb_flush"]);
        Assert.Equal(2, rows[2].Pending);
        Assert.Equal(1, rows[3].Effects["tlb_flush"]);
        Assert.Equal(2, rows[3].Effects["tlb_flush_entries"]);
        Assert.Equal(1, rows[3].Pending);
        Assert.Equal([ArchCallback.Leave], rows[4].Callbacks);
        Assert.Equal(1, rows[4].Effects["tlb_flush"]);
        Assert.Equal(1, rows[4].Effects["tlb_flush_entries"]);
        Assert.Equal(0, rows[4].Pending);
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
    }
}
