namespace LazyMmuGen.Arches.Tests;

/// <summary>
/// powerpc book3s64 hash: per-CPU ppc64_tlb_batch of 192, keyed by mm, page size and segment size
/// (arch/powerpc/include/asm/book3s/64/tlbflush-hash.h, arch/powerpc/mm/book3s64/hash_tlb.c: hpte_need_flush()).
/// The tests write over valid ptes, because hash__pte_update() only owes an invalidation for a hashed one.
/// </summary>
public class PowerpcHashTests
{
    private static Machine<PowerpcHash, PowerpcHash.TaskState, PowerpcHash.CpuState> New() => Pages.Populated(PowerpcHash.CreateMachine());

    [Fact]
    public void Writing_over_an_empty_pte_queues_nothing_inside_or_outside_the_mode()
    {
        // arch/powerpc/include/asm/book3s/64/hash.h: hash__pte_update() calls hpte_need_flush() only
        // `if (old & H_PAGE_HASHPTE)`; a never-hashed pte (modelled: the old pte was invalid) owes nothing.
        var m = PowerpcHash.CreateMachine();
        var d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(0))));
        Assert.Equal(0, d["tlb_flush"]);
        Assert.Equal(0, m.Pending.Count);
        m.Enable();
        d = Pages.Delta(m, () => m.SetPte(Pages.User(Pages.At(1))));
        Assert.Equal(0, m.CpuState(0).Tlb.Count);
        Assert.Equal(0, m.Pending.Count);
        // The same pte, now valid, owes an invalidation: kernel ptes are batched too (mm = init_mm).
        m.SetPte(Pages.Kernel(Pages.At(0)));
        Assert.Equal(1, m.CpuState(0).Tlb.Count);
        Assert.Equal(1, m.Pending.Count);
        d = Pages.Delta(m, m.Disable);
        Assert.Equal(1, d["tlb_flush"]);
        Assert.Equal(1, d["tlb_flush_entries"]);
        Assert.Equal(0, m.Effects["tlb_flush_range"]);
        Assert.Equal(1, m.Effects["tlb_flush"]);
    }

    [Fact]
    public void Batch_of_193_writes_flushes_192_as_one_range_at_the_192nd_write_and_1_single_at_leave()
    {
        var m = New();
        m.Enable();
        for (var i = 0; i < 191; i++) m.SetPte(Pages.Kernel(Pages.At(i)));
        Assert.Equal(0, m.Effects["tlb_flush"]);
        Assert.Equal(191, m.Pending.Count);
        Assert.Equal(191, m.CpuState(0).Tlb.Count);

        m.SetPte(Pages.Kernel(Pages.At(191)));
        Assert.Equal(1, m.Effects["tlb_flush"]);
        Assert.Equal(192, m.Effects["tlb_flush_entries"]);
        Assert.Equal(1, m.Effects["tlb_flush_range"]);
        Assert.Equal(0, m.Pending.Count);
        Assert.Equal(0, m.CpuState(0).Tlb.Count);

        m.SetPte(Pages.Kernel(Pages.At(192)));
        Assert.Equal(1, m.Effects["tlb_flush"]);
        Assert.Equal(1, m.Pending.Count);

        m.Disable();
        Assert.Equal(2, m.Effects["tlb_flush"]);
        Assert.Equal(193, m.Effects["tlb_flush_entries"]);
        Assert.Equal(1, m.Effects["tlb_flush_range"]);
        Assert.Equal(0, m.Pending.Count);
        Assert.Equal(193, m.Effects["pte_write"]);
    }

    [Fact]
    public void Mm_change_mid_batch_flushes_the_existing_batch_first()
    {
        var m = New();
        m.Enable();
        for (var i = 0; i < 5; i++) m.SetPte(Pages.Kernel(Pages.At(i), mm: 1));
        Assert.Equal(0, m.Effects["tlb_flush"]);

        var d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(0), mm: 2)));
        Assert.Equal(1, d["tlb_flush"]);
        Assert.Equal(5, d["tlb_flush_entries"]);
        Assert.Equal(1, d["tlb_flush_range"]);
        Assert.Equal(1, m.Pending.Count);

        m.Disable();
        Assert.Equal(2, m.Effects["tlb_flush"]);
        Assert.Equal(6, m.Effects["tlb_flush_entries"]);
        Assert.Equal(1, m.Effects["tlb_flush_range"]);
        Assert.Equal(0, m.Pending.Count);
    }

    [Theory]
    [InlineData(16, 28)] // page size change
    [InlineData(12, 40)] // segment size change (1T segment)
    public void Page_size_or_segment_size_change_flushes_first(byte pageShift, byte segmentShift)
    {
        var m = New();
        m.Enable();
        for (var i = 0; i < 3; i++) m.SetPte(Pages.Kernel(Pages.At(i)));

        var d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(3), pageShift: pageShift, segmentShift: segmentShift)));
        Assert.Equal(1, d["tlb_flush"]);
        Assert.Equal(3, d["tlb_flush_entries"]);
        Assert.Equal(1, d["tlb_flush_range"]);
        Assert.Equal(1, m.Pending.Count);

        // The new key stays in the batch until leave: one single-entry invalidation.
        d = Pages.Delta(m, m.Disable);
        Assert.Equal(1, d["tlb_flush"]);
        Assert.Equal(1, d["tlb_flush_entries"]);
        Assert.Equal(0, d["tlb_flush_range"]);
        Assert.Equal(0, m.Pending.Count);
    }

    [Fact]
    public void Same_keys_never_flush_before_leave()
    {
        var m = New();
        m.Enable();
        for (var i = 0; i < 10; i++) m.SetPte(Pages.User(Pages.At(i), mm: 3, pageShift: 16, segmentShift: 40));
        Assert.Equal(0, m.Effects["tlb_flush"]);
        Assert.Equal(10, m.Pending.Count);
        m.Disable();
        Assert.Equal(1, m.Effects["tlb_flush"]);
        Assert.Equal(10, m.Effects["tlb_flush_entries"]);
        Assert.Equal(1, m.Effects["tlb_flush_range"]);
    }

    [Fact]
    public void Outside_the_mode_each_write_is_one_single_entry_invalidation()
    {
        var m = New();
        for (var i = 0; i < 10; i++)
        {
            m.SetPte(Pages.Kernel(Pages.At(i)));
            Assert.Equal(i + 1, m.Effects["tlb_flush"]);
            Assert.Equal(0, m.Pending.Count);
        }
        Assert.Equal(10, m.Effects["tlb_flush_entries"]);
        Assert.Equal(0, m.Effects["tlb_flush_range"]);
        Assert.Equal(0, m.Effects["preempt_disable"]);
    }

    [Fact]
    public void Enter_disables_preemption_and_leave_restores_it()
    {
        var m = New();
        m.Enable();
        Assert.Equal(1, m.CpuAt(0).PreemptCount);
        m.Enable();
        Assert.Equal(1, m.CpuAt(0).PreemptCount);
        m.Disable();
        Assert.Equal(1, m.CpuAt(0).PreemptCount);
        m.Disable();
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        Assert.Equal(1, m.Effects["preempt_disable"]);
        Assert.Equal(1, m.Effects["preempt_enable"]);
    }

    [Fact]
    public void Migration_and_switch_are_refused_inside_the_section()
    {
        var m = New();
        m.Enable();
        m.SetPte(Pages.Kernel(Pages.At(0)));
        Assert.Throws<MachineRuleException>(() => m.Migrate(1));
        Assert.Throws<MachineRuleException>(() => m.Switch(2));
        Assert.Equal(0, m.CurrentCpuId);
        Assert.Equal(1, m.CurrentTaskId);
        Assert.Equal(1, m.Pending.Count);
        m.Disable();
        m.Migrate(1);
        Assert.Equal(1, m.CurrentCpuId);
    }

    [Fact]
    public void Pending_writes_complete_at_every_disable_and_at_pause()
    {
        var m = New();
        m.Enable();
        m.Enable();
        for (var i = 0; i < 4; i++) m.SetPte(Pages.Kernel(Pages.At(i)));
        Assert.Equal(4, m.Pending.Count);
        m.Disable(); // nested: flush
        Assert.Equal(0, m.Pending.Count);
        Assert.Equal(1, m.CpuAt(0).PreemptCount);

        m.SetPte(Pages.Kernel(Pages.At(4)));
        Assert.Equal(1, m.Pending.Count);
        m.Pause();
        Assert.Equal(0, m.Pending.Count);
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        m.SetPte(Pages.Kernel(Pages.At(5))); // paused: eager
        Assert.Equal(0, m.Pending.Count);
        m.Resume();
        Assert.Equal(1, m.CpuAt(0).PreemptCount);
        m.SetPte(Pages.Kernel(Pages.At(6)));
        Assert.Equal(1, m.Pending.Count);
        m.Disable();
        Assert.Equal(0, m.Pending.Count);
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        // nested disable (range of 4), pause (1), eager write while paused (1), leave (1)
        Assert.Equal(4, m.Effects["tlb_flush"]);
        Assert.Equal(7, m.Effects["tlb_flush_entries"]);
        Assert.Equal(1, m.Effects["tlb_flush_range"]);
    }

    [Fact]
    public void Interrupt_write_inside_a_section_is_invalidated_at_once_and_does_not_touch_the_batch()
    {
        var m = New();
        m.Enable();
        for (var i = 0; i < 3; i++) m.SetPte(Pages.Kernel(Pages.At(i)));
        m.IrqEnter();
        var d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(0), mm: 9)));
        Assert.Equal(1, d["tlb_flush"]);
        Assert.Equal(1, d["tlb_flush_entries"]);
        Assert.Equal(3, m.CpuState(0).Tlb.Count);
        Assert.Equal(3, m.Pending.Count);
        m.IrqExit();
        m.Disable();
        Assert.Equal(2, m.Effects["tlb_flush"]);
        Assert.Equal(4, m.Effects["tlb_flush_entries"]);
        Assert.Equal(0, m.Pending.Count);
    }

    [Fact]
    public void Script_user_writes_with_a_page_shift_batch_until_disable()
    {
        var m = New();
        var rows = Pages.Trace(m,
            "enable;set_pte(kind=user,mm=2,addr=0x3000,page_shift=16);set_pte(kind=user,mm=2,addr=0x4000,page_shift=16);" +
            "preempt_disable;preempt_enable;set_pte(kind=user,mm=2,addr=0x5000,page_shift=12);disable");
        Assert.All(rows, r => Assert.Null(r.Error));
        Assert.Equal([ArchCallback.Enter], rows[0].Callbacks);
        Assert.Equal(1, rows[0].Effects["preempt_disable"]);
        Assert.Equal(1, rows[1].Pending);
        Assert.Equal(2, rows[2].Pending);
        Assert.Equal(0, rows[2].Effects["tlb_flush"]);
        // page_shift 16 -> 12 flushes the two queued entries as one range first.
        Assert.Equal(1, rows[5].Effects["tlb_flush"]);
        Assert.Equal(2, rows[5].Effects["tlb_flush_entries"]);
        Assert.Equal(1, rows[5].Effects["tlb_flush_range"]);
        Assert.Equal(1, rows[5].Pending);
        Assert.Equal([ArchCallback.Leave], rows[6].Callbacks);
        Assert.Equal(1, rows[6].Effects["tlb_flush"]);
        Assert.Equal(1, rows[6].Effects["tlb_flush_entries"]);
        Assert.Equal(0, rows[6].Effects["tlb_flush_range"]);
        Assert.Equal(1, rows[6].Effects["preempt_enable"]);
        Assert.Equal(0, rows[6].Pending);
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
    }
}
