namespace LazyMmuGen.Runtime.Tests;

using LazyMmuGen.Arches;

/// <summary>
/// Issue 14: what the model checker needs from the runtime without exceptions or allocation per step: the canonical
/// state encoding (StateWriter), in-place copies (MachineCore.CopyFrom, the primitives' TryCopyFrom, the ipte-cache's
/// copy-on-write table) and the machine rules asked before an op instead of thrown by it.
/// </summary>
public class CheckerSupportTests
{
    [Fact]
    public void The_text_rendering_follows_the_binary_writes()
    {
        var writer = StateWriter.ForText();
        writer.Label("|c").Int(0).Label(":").Label("Queued=").Bool(false).Label("Tlb=").Label("tlb[").Int(12).Int(28).Count(0).Label("]")
            .Label("Spare=").Tag(0, "-").Label("Name=").Text("POR_EL1");
        Assert.Equal("|c0:Queued=False Tlb=tlb[12 28 0] Spare=- Name=POR_EL1", writer.ToString());
        // 1 + 1 + 3 × 1 + 1 + (1 + 7 × 2) bytes: labels write nothing, and numbers below 64 are one-byte varints.
        Assert.Equal(21, writer.Bytes.Length);
    }

    [Fact]
    public void Counts_and_lengths_keep_different_states_apart()
    {
        // [1] [2] and [1 2] [] must differ although the same numbers follow each other.
        Assert.NotEqual(Bytes(w => w.Count(1).Int(1).Count(1).Int(2)), Bytes(w => w.Count(2).Int(1).Int(2).Count(0)));
        Assert.NotEqual(Bytes(w => w.Text("ab").Text("")), Bytes(w => w.Text("a").Text("b")));
        Assert.NotEqual(Bytes(w => w.Tag(0, "-")), Bytes(w => w.Tag(1, "ref")));
    }

    [Fact]
    public void Numbers_are_varints_that_keep_every_sequence_apart()
    {
        // Zigzag then LEB128: |n| < 64 takes one byte, and the widest 64-bit value ten.
        Assert.Single(Bytes(w => w.Int(63)));
        Assert.Single(Bytes(w => w.Int(-64)));
        Assert.Equal(2, Bytes(w => w.Int(64)).Length);
        Assert.Equal(5, Bytes(w => w.Int(int.MinValue)).Length);
        Assert.Equal(10, Bytes(w => w.ULong(ulong.MaxValue)).Length);
        Assert.Equal(10, Bytes(w => w.Long(long.MinValue)).Length);
        // Self-delimiting: no two different pairs of numbers share their bytes, whatever their widths.
        long[] values = [0, 1, -1, 63, 64, -65, 127, 128, 300, 1 << 20, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue];
        var encodings = new Dictionary<string, (long, long)>();
        foreach (var a in values)
        {
            foreach (var b in values)
            {
                var hex = Convert.ToHexString(Bytes(w => w.Long(a).Long(b)));
                Assert.True(encodings.TryAdd(hex, (a, b)), $"({a}, {b}) and {encodings.GetValueOrDefault(hex)} both encode as {hex}");
            }
        }
    }

    [Fact]
    public void Renamed_cpus_are_written_under_their_new_numbers_and_in_their_new_order()
    {
        var machine = Machine("x86-xen");
        machine.Migrate(1);
        var renamed = new StateWriter();
        renamed.RenameCpus([1, 0]);
        machine.WriteState(renamed);
        var origin = new StateWriter();
        Machine("x86-xen").WriteState(origin);
        Assert.Equal(origin.Bytes.ToArray(), renamed.Bytes.ToArray());
        var plain = new StateWriter();
        machine.WriteState(plain);
        Assert.NotEqual(origin.Bytes.ToArray(), plain.Bytes.ToArray());
    }

    private static byte[] Bytes(Action<StateWriter> write)
    {
        var writer = new StateWriter();
        write(writer);
        return writer.Bytes.ToArray();
    }

    public static TheoryData<string> Builtins => new(LazyMmuArchRegistry.All.Select(a => a.Name));

    private static MachineCore Machine(string name) => LazyMmuArchRegistry.Find(name)!.CreateMachine(MachineOptions.Default);

    [Theory, MemberData(nameof(Builtins))]
    public void A_machine_copied_in_place_equals_its_source_and_then_goes_its_own_way(string arch)
    {
        var source = Machine(arch);
        source.Enable();
        source.SetPte(new PteWrite(Mm: 1, Addr: 0x1000, Kind: PteKind.Kernel, Valid: true, Value: 1));
        source.SetPte(new PteWrite(Mm: 1, Addr: 0x1000, Kind: PteKind.User, Valid: true, Value: 2));
        var copy = Machine(arch);
        copy.Switch(2);
        copy.CopyFrom(source);
        Assert.Equal(source.Fingerprint(), copy.Fingerprint());
        var before = source.Fingerprint();
        copy.SetPte(new PteWrite(Mm: 1, Addr: 0x2000, Kind: PteKind.Kernel, Valid: true, Value: 3));
        copy.Disable();
        Assert.Equal(before, source.Fingerprint());
        Assert.Equal(0, copy.Pending.Count);
    }

    [Fact]
    public void A_tasks_reference_to_a_cpus_primitive_is_written_as_that_cpu()
    {
        // s390's Pinned is the cache of the CPU the section pinned (ipte-cache task-state): a CPU number in all but
        // name, so it is written (and renamed under CPU symmetry) as one.
        var machine = Machine("s390");
        machine.Migrate(1);
        machine.Enable();
        Assert.Contains("|t1:Pinned=ref@1 Range=", machine.Fingerprint());
        var renamed = StateWriter.ForText();
        renamed.RenameCpus([1, 0]);
        machine.WriteState(renamed);
        Assert.Contains("|t1:Pinned=ref@0 Range=", renamed.ToString());
    }

    [Fact]
    public void Nested_interrupts_restore_each_level_after_a_copy_taken_inside_them()
    {
        // Exception entry saves the live registers and resets them (arm64 resets POR_EL1), return restores the saved
        // ones: a copy taken two levels deep must restore the same two levels, and not share them with its source.
        var source = Machine("arm64-kpkeys");
        source.Registers(0).Write("POR_EL1", 7);
        source.IrqEnter();
        source.Registers(0).Write("POR_EL1", 3);
        source.IrqEnter();
        var copy = Machine("arm64-kpkeys");
        copy.IrqEnter();
        copy.CopyFrom(source);
        Assert.Equal(source.Fingerprint(), copy.Fingerprint());
        source.IrqExit();
        source.Registers(0).Write("POR_EL1", 5);
        copy.IrqExit();
        Assert.Equal(3UL, copy.Registers(0).Read("POR_EL1"));
        copy.IrqExit();
        Assert.Equal(7UL, copy.Registers(0).Read("POR_EL1"));
        source.IrqExit();
        Assert.Equal(7UL, source.Registers(0).Read("POR_EL1"));
    }

    [Fact]
    public void CopyFrom_another_arch_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Archs.Create("arm64").CopyFrom(Machine("x86-xen")));
        Assert.StartsWith("CopyFrom needs a arm64 machine, got x86-xen", error.Message);
    }

    [Fact]
    public void A_cloned_ipte_cache_shares_its_table_until_either_side_writes()
    {
        var table = new PageTable();
        table.Store(1, 0x1000, new Pte(5, PteKind.Kernel, Valid: true));
        var cache = new PteCache(tableEntries: 256, maxIpteEntries: 8);
        cache.Pin(task: 1, new PteRange(1, 0x1000, 0x3000), table);
        var clone = (PteCache)cache.Clone();
        cache.Write(new PteWrite(Mm: 1, Addr: 0x1000, Kind: PteKind.Kernel, Valid: true, Value: 9), id: 1);
        Assert.Equal(9UL, cache.Read(0x1000).Value);
        Assert.Equal(5UL, clone.Read(0x1000).Value);
        Assert.Equal(0, clone.Dirty);
        clone.Write(new PteWrite(Mm: 1, Addr: 0x2000, Kind: PteKind.Kernel, Valid: true, Value: 7), id: 2);
        Assert.Equal(1, cache.Dirty);
        Assert.Equal(Pte.None, cache.Read(0x2000));
    }

    [Theory]
    [InlineData("switch(task=2)", "preempt")]
    [InlineData("migrate(cpu=1)", "preempt")]
    [InlineData("switch(task=2)", "irq")]
    [InlineData("irq_exit", "")]
    [InlineData("preempt_enable", "")]
    public void A_refusal_is_told_before_the_op_in_the_words_it_throws(string op, string setup)
    {
        var machine = Archs.Create("arm64");
        if (setup == "preempt") machine.PreemptDisable();
        if (setup == "irq") machine.IrqEnter();
        var runner = new Scripting.TraceRunner(machine);
        var parsed = Scripting.OpScript.Parse(op).Single();
        var refusal = runner.Refusal(parsed);
        Assert.NotNull(refusal);
        var before = machine.Fingerprint();
        Assert.Equal(refusal, runner.Advance(parsed).Error);
        Assert.Equal(before, machine.Fingerprint());
    }

    [Fact]
    public void An_op_the_machine_allows_has_no_refusal()
    {
        var runner = new Scripting.TraceRunner(Archs.Create("arm64"));
        foreach (var op in new[] { "switch(task=2)", "switch(task=1)", "migrate(cpu=1)", "migrate(cpu=1)", "irq_enter", "irq_exit" })
        {
            var parsed = Scripting.OpScript.Parse(op).Single();
            Assert.Null(runner.Refusal(parsed));
            Assert.Null(runner.Advance(parsed).Error);
        }
    }
}
