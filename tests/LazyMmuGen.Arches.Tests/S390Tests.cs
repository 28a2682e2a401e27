namespace LazyMmuGen.Arches.Tests;

/// <summary>
/// s390 (proposal, as posted; s390-saved-range adds the reviewers' distinct pause/resume): a per-CPU cache of one page table (256 ptes), written back with multi-entry IPTEs. As with
/// ptep_flush_direct(), an IPTE is owed only when a valid old pte is replaced or cleared, so most tests map
/// their pages first (<see cref="Map"/>).
/// </summary>
public class S390Tests
{
    private const int TableEntries = 256;
    private const int MaxIpteEntries = 256;
    private const ulong Start = 0x1000;

    private static Machine<S390, S390.TaskState, S390.CpuState> New() => S390.CreateMachine();

    /// <summary>Maps <paramref name="pages"/> pages from <paramref name="start"/> straight into the page table (no effects).</summary>
    private static void Map(MachineCore m, int pages, ulong start = Start, int mm = 1)
    {
        for (var i = 0; i < pages; i++) m.PageTable.Store(mm, Pages.At(i, start), new Pte(500 + (ulong)i, PteKind.Kernel, true));
    }

    private static PteRange RangeOf(int pages, int mm = 1, ulong start = Start) => new(mm, start, start + (ulong)pages * Pages.Size);

    [Fact]
    public void Three_hundred_writes_over_mapped_ptes_are_one_ipte_of_256_at_leave_plus_44_single_entry_fall_throughs()
    {
        const int pages = 300;
        var m = New();
        Map(m, pages);
        m.EnableWithRange(RangeOf(pages));
        var perOp = new List<EffectCounts>();
        for (var i = 0; i < pages; i++)
        {
            var write = Pages.Kernel(Pages.At(i, Start), value: 1000 + (ulong)i);
            perOp.Add(Pages.Delta(m, () => m.SetPte(write)));
        }
        // The first 256 pages are in the cached page table: no IPTE yet, still pending.
        Assert.All(perOp.Take(TableEntries), d => Assert.Equal(0, d["ipte"]));
        // The 44 pages beyond it fall through: one single-entry IPTE each, complete at once.
        Assert.All(perOp.Skip(TableEntries), d =>
        {
            Assert.Equal(1, d["ipte"]);
            Assert.Equal(1, d["ipte_entries"]);
        });
        Assert.Equal(TableEntries, m.Pending.Count);
        Assert.Equal(pages - TableEntries, m.Effects["ipte"]);

        var leave = Pages.Delta(m, m.Disable);
        Assert.Equal(1, leave["ipte"]);
        Assert.Equal(256, leave["ipte_entries"]);
        Assert.True(leave["ipte_entries"] <= MaxIpteEntries * leave["ipte"]);

        Assert.Equal(45, m.Effects["ipte"]);
        Assert.Equal(300, m.Effects["ipte_entries"]);
        Assert.Equal(0, m.Pending.Count);
        for (var i = 0; i < pages; i++) Assert.Equal(1000 + (ulong)i, m.PageTable.Read(1, Pages.At(i, Start)).Value);
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
    }

    [Fact]
    public void Three_hundred_writes_into_empty_ptes_owe_no_ipte_inside_or_outside_the_cache()
    {
        const int pages = 300;
        var m = New();
        m.EnableWithRange(RangeOf(pages));
        for (var i = 0; i < pages; i++) m.SetPte(Pages.Kernel(Pages.At(i, Start), value: 1000 + (ulong)i));
        Assert.Equal(TableEntries, m.Pending.Count); // the 44 fall-throughs completed at once, with no IPTE
        m.Disable();
        Assert.Equal(0, m.Effects["ipte"]);
        Assert.Equal(0, m.Effects["ipte_entries"]);
        Assert.Equal(0, m.Pending.Count);
        for (var i = 0; i < pages; i++) Assert.Equal(1000 + (ulong)i, m.PageTable.Read(1, Pages.At(i, Start)).Value);
    }

    [Fact]
    public void An_unmapped_pte_in_the_middle_of_a_run_splits_it_into_two_iptes()
    {
        var m = New();
        Map(m, 10);
        m.PageTable.Store(1, Pages.At(5, Start), Pte.None);
        m.EnableWithRange(RangeOf(10));
        for (var i = 0; i < 10; i++) m.SetPte(Pages.Kernel(Pages.At(i, Start)));
        Assert.Equal(0, m.Effects["ipte"]);
        Assert.Equal(10, m.Pending.Count);

        var leave = Pages.Delta(m, m.Disable);
        Assert.Equal(2, leave["ipte"]); // pages 0-4 and 6-9; page 5 replaced nothing
        Assert.Equal(9, leave["ipte_entries"]);
        Assert.Equal(0, m.Pending.Count);
        Assert.True(m.PageTable.Read(1, Pages.At(5, Start)).Valid);
    }

    [Fact]
    public void Clearing_mapped_ptes_owes_iptes_by_the_old_value_not_the_new_one()
    {
        var m = New();
        Map(m, 10);
        m.EnableWithRange(RangeOf(10));
        // A zap: every new value is invalid, every old one was valid. The run is not split by the new values.
        for (var i = 0; i < 10; i++) m.SetPte(Pages.Invalid(Pages.At(i, Start)));
        var leave = Pages.Delta(m, m.Disable);
        Assert.Equal(1, leave["ipte"]);
        Assert.Equal(10, leave["ipte_entries"]);
        Assert.All(Enumerable.Range(0, 10), i => Assert.False(m.PageTable.Read(1, Pages.At(i, Start)).Valid));

        // Outside a section: clearing a mapped pte owes one IPTE, clearing it again owes none.
        var mapped = Pages.At(20, Start);
        m.PageTable.Store(1, mapped, new Pte(7, PteKind.Kernel, true));
        Assert.Equal(1, Pages.Delta(m, () => m.SetPte(Pages.Invalid(mapped)))["ipte"]);
        Assert.Equal(0, Pages.Delta(m, () => m.SetPte(Pages.Invalid(mapped)))["ipte"]);
    }

    [Fact]
    public void Reads_inside_the_section_see_the_cache_while_the_page_table_keeps_the_old_value()
    {
        var m = New();
        var addr = Pages.At(3, Start);
        m.SetPte(Pages.Kernel(addr, value: 111)); // outside: stored at once; it replaced nothing, so no IPTE
        Assert.Equal(0, m.Effects["ipte"]);
        Assert.Equal(0, m.Pending.Count);

        m.EnableWithRange(RangeOf(16));
        Assert.Equal(111UL, m.GetPte(1, addr).Value);
        m.SetPte(Pages.Kernel(addr, value: 222));
        Assert.Equal(222UL, m.GetPte(1, addr).Value);
        Assert.Equal(111UL, m.PageTable.Read(1, addr).Value);
        Assert.Equal(1, m.Pending.Count);

        // Outside the range the table is read directly.
        Assert.Equal(Pte.None, m.GetPte(1, Pages.At(100, Start)));

        m.Disable();
        Assert.Equal(222UL, m.PageTable.Read(1, addr).Value);
        Assert.Equal(222UL, m.GetPte(1, addr).Value);
        Assert.Equal(0, m.Pending.Count);
        Assert.Equal(1, m.Effects["ipte"]); // 222 replaced the valid 111
    }

    [Fact]
    public void As_posted_pause_leaves_and_resume_enters_without_the_range()
    {
        // The posted series (arch/s390/mm/lazy_mmu.c, lazy_mmu_mode_enable_with_ptes()) adds no arch
        // pause/resume: lazy_mmu_mode_resume() calls arch_enter_lazy_mmu_mode(), so the range is gone.
        var m = New();
        Assert.False(m.HasDistinctPauseResume);
        Map(m, 3);
        m.EnableWithRange(RangeOf(16));
        m.SetPte(Pages.Kernel(Pages.At(0, Start), value: 7));
        Assert.Equal(1, m.Pending.Count);

        m.Callbacks.Clear();
        var d = Pages.Delta(m, m.Pause);
        Assert.Equal([ArchCallback.Leave], m.Callbacks.Calls);
        Assert.Equal(1, d["ipte"]);
        Assert.Equal(0, m.Pending.Count);
        Assert.Equal(default, m.TaskState(1).Range);
        Assert.Equal(0, m.CpuAt(0).PreemptCount);

        m.Callbacks.Clear();
        m.Resume();
        Assert.Equal([ArchCallback.Enter], m.Callbacks.Calls);
        Assert.Equal(default, m.TaskState(1).Range);
        Assert.Equal(1, m.CpuAt(0).PreemptCount); // enter still pins the CPU

        // After resume a write in the old range goes straight to the table, with its own IPTE.
        d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(2, Start), value: 9)));
        Assert.Equal(1, d["ipte"]);
        Assert.Equal(0, m.Pending.Count);
        Assert.Equal(9UL, m.PageTable.Read(1, Pages.At(2, Start)).Value);

        m.Callbacks.Clear();
        d = Pages.Delta(m, m.Disable);
        Assert.Equal([ArchCallback.Leave], m.Callbacks.Calls);
        Assert.Equal(0, d["ipte"]);
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        Assert.Equal(2, m.Effects["ipte"]);
    }

    [Fact]
    // s390-saved-range: the reviewers' distinct arch pause/resume callbacks (not the posted code).
    public void Saved_range_variant_pause_writes_back_and_resume_re_pins_the_saved_range()
    {
        var m = S390SavedRange.CreateMachine();
        Map(m, 3);
        var range = RangeOf(16);
        m.EnableWithRange(range);
        m.SetPte(Pages.Kernel(Pages.At(0, Start), value: 7));
        Assert.Equal(1, m.Pending.Count);

        m.Callbacks.Clear();
        var d = Pages.Delta(m, m.Pause);
        Assert.Equal([ArchCallback.Pause], m.Callbacks.Calls);
        Assert.Equal(1, d["ipte"]);
        Assert.Equal(1, d["ipte_entries"]);
        Assert.Equal(0, m.Pending.Count);
        Assert.Equal(7UL, m.PageTable.Read(1, Pages.At(0, Start)).Value);
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        Assert.Equal(range, m.TaskState(1).Range);

        // Paused: a write in the range falls through.
        d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(1, Start), value: 8)));
        Assert.Equal(1, d["ipte"]);
        Assert.Equal(0, m.Pending.Count);

        m.Callbacks.Clear();
        m.Resume();
        Assert.Equal([ArchCallback.Resume], m.Callbacks.Calls);
        Assert.Equal(range, m.TaskState(1).Range);
        Assert.Equal(1, m.CpuAt(0).PreemptCount);

        // After resume the range is cached again.
        d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(2, Start), value: 9)));
        Assert.Equal(0, d["ipte"]);
        Assert.Equal(1, m.Pending.Count);
        Assert.Equal(9UL, m.GetPte(1, Pages.At(2, Start)).Value);
        Assert.Equal(502UL, m.PageTable.Read(1, Pages.At(2, Start)).Value);
        Assert.Equal(8UL, m.GetPte(1, Pages.At(1, Start)).Value); // loaded into the cache at resume

        m.Callbacks.Clear();
        m.Disable();
        Assert.Equal([ArchCallback.Leave], m.Callbacks.Calls);
        Assert.Equal(9UL, m.PageTable.Read(1, Pages.At(2, Start)).Value);
        Assert.Equal(0, m.Pending.Count);
        Assert.Equal(default, m.TaskState(1).Range);
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        Assert.Equal(3, m.Effects["ipte"]);
    }

    [Fact]
    public void Nested_enable_with_ptes_only_the_outermost_passes_its_range()
    {
        var m = New();
        var outer = RangeOf(16);
        var inner = RangeOf(16, start: 0x100000);
        Map(m, 16);
        Map(m, 16, inner.Start);
        m.EnableWithRange(outer);
        m.Callbacks.Clear();
        m.EnableWithRange(inner);
        Assert.Empty(m.Callbacks.Calls);
        Assert.Equal(2, m.CurrentState.EnableCount);
        Assert.Equal(outer, m.TaskState(1).Range);

        // The inner range is not cached: its writes fall through.
        var d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(0, inner.Start))));
        Assert.Equal(1, d["ipte"]);
        Assert.Equal(0, m.Pending.Count);
        // The outer range is.
        d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(0, outer.Start))));
        Assert.Equal(0, d["ipte"]);
        Assert.Equal(1, m.Pending.Count);

        // Inner disable = flush: write back, re-enter with the same (outer) range.
        m.Callbacks.Clear();
        d = Pages.Delta(m, m.Disable);
        Assert.Equal([ArchCallback.Flush], m.Callbacks.Calls);
        Assert.Equal(1, d["ipte"]);
        Assert.Equal(0, m.Pending.Count);
        Assert.Equal(outer, m.TaskState(1).Range);
        Assert.Equal(1, m.CpuAt(0).PreemptCount);

        d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(1, outer.Start))));
        Assert.Equal(0, d["ipte"]);
        Assert.Equal(1, m.Pending.Count);

        m.Disable();
        Assert.Equal(0, m.Pending.Count);
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        Assert.Equal(m.Effects["preempt_disable"], m.Effects["preempt_enable"]);
    }

    [Fact]
    public void Migration_is_refused_inside_the_section()
    {
        var m = New();
        m.EnableWithRange(RangeOf(4));
        Assert.Equal(1, m.CpuAt(0).PreemptCount);
        m.SetPte(Pages.Kernel(Pages.At(0, Start)));
        Assert.Throws<MachineRuleException>(() => m.Migrate(1));
        Assert.Equal(0, m.CurrentCpuId);
        Assert.Equal(1, m.Pending.Count);
        m.Disable();
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        m.Migrate(1);
        Assert.Equal(1, m.CurrentCpuId);
    }

    [Fact]
    public void Enable_without_a_range_pins_the_cpu_but_caches_nothing()
    {
        var m = New();
        Map(m, 1);
        m.Enable();
        Assert.Equal(1, m.CpuAt(0).PreemptCount);
        var d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(0, Start))));
        Assert.Equal(1, d["ipte"]);
        Assert.Equal(0, m.Pending.Count);
        m.Disable();
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        Assert.Equal(1, m.Effects["ipte"]);
    }

    [Fact]
    public void Interrupt_write_inside_a_section_falls_through_and_does_not_touch_the_cache()
    {
        var m = New();
        Map(m, 256);
        m.EnableWithRange(RangeOf(16));
        m.SetPte(Pages.Kernel(Pages.At(0, Start)));
        m.IrqEnter();
        var d = Pages.Delta(m, () => m.SetPte(Pages.Kernel(Pages.At(200, Start))));
        Assert.Equal(1, d["ipte"]);
        Assert.Equal(1, m.Pending.Count);
        Assert.Equal(1, m.CpuState(0).Cache.Dirty);
        m.IrqExit();
        m.Disable();
        Assert.Equal(2, m.Effects["ipte"]);
        Assert.Equal(0, m.Pending.Count);
    }

    [Fact]
    public void Script_enable_with_range()
    {
        var m = New();
        Map(m, 4);
        var rows = Pages.Trace(m,
            "enable(mm=1,start=0x1000,end=0x5000);set_pte(addr=0x1000,value=5);get_pte(addr=0x1000);set_pte(addr=0x2000);disable;get_pte(addr=0x1000)");
        Assert.All(rows, r => Assert.Null(r.Error));
        Assert.Equal([ArchCallback.Enter], rows[0].Callbacks);
        Assert.Equal(1, rows[1].Pending);
        Assert.Equal("kernel:5", rows[2].Result);
        Assert.Equal(2, rows[3].Pending);
        Assert.Equal(1, rows[4].Effects["ipte"]);
        Assert.Equal(2, rows[4].Effects["ipte_entries"]);
        Assert.Equal(0, rows[4].Pending);
        Assert.Equal("kernel:5", rows[5].Result);
    }
}
