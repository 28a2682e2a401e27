namespace LazyMmuGen.Runtime.Tests;

/// <summary>
/// x86-native has no mechanisms, so it does not opt in (no CONFIG_ARCH_HAS_LAZY_MMU_MODE):
/// include/linux/pgtable.h compiles lazy_mmu_mode_enable/disable/pause/resume to empty stubs and
/// is_lazy_mmu_mode_active() to false. Counters never move, nothing warns, nothing is called, and
/// every write completes at once. x86-paravirt-native is the other configuration: the generic layer runs.
/// </summary>
public class X86NativeTests
{
    private static PteWrite Write(int i, PteKind kind, bool valid) =>
        new(Mm: 1, Addr: 0x1000 * (ulong)i, Kind: kind, Valid: valid, Value: (ulong)i);

    private static void OnlyPteWrites(MachineCore m, long writes)
    {
        var expected = new[] { new KeyValuePair<string, long>("pte_write", writes) };
        Assert.Equal(expected, m.Effects.Snapshot().NonZero());
        Assert.Equal(0, m.Pending.Count);
    }

    [Fact]
    public void EveryWriteCompletesImmediatelyInAnyState()
    {
        var m = X86Native.CreateMachine();
        var n = 0;
        void WriteAll()
        {
            foreach (var kind in new[] { PteKind.Kernel, PteKind.User })
            {
                foreach (var valid in new[] { true, false })
                {
                    m.SetPte(Write(++n, kind, valid));
                    OnlyPteWrites(m, n);
                }
            }
        }

        WriteAll();
        m.Enable();
        WriteAll();
        m.Enable();
        WriteAll();
        m.Pause();
        WriteAll();
        m.Resume();
        m.IrqEnter();
        WriteAll();
        m.IrqExit();
        m.Disable();
        OnlyPteWrites(m, n);
        m.Disable();
        OnlyPteWrites(m, n);
        Assert.Equal(new Pte(5, PteKind.Kernel, true), m.GetPte(1, 0x5000));
    }

    [Fact]
    public void StubsNeverMoveCountersNeverWarnNeverCallAndAreNeverActive()
    {
        var m = X86Native.CreateMachine();
        Assert.False(m.HasLazyMmuMode);
        // Misuse that warns on an arch that opts in (double disable, resume without pause) is silent here.
        foreach (var op in new Action[] { m.Enable, m.Enable, m.Pause, m.Resume, m.Resume, m.Disable, m.Disable, m.Disable, m.Pause })
        {
            op();
            Archs.Step(m, _ => { }, enable: 0, pause: 0, active: false);
            Assert.False(m.IsTaskActive(1));
        }
        m.EnableWithRange(new PteRange(1, 0x1000, 0x3000));
        Assert.Equal(0, m.CurrentState.EnableCount);
        Assert.Empty(m.Callbacks.Calls);
        Assert.Equal(0, m.Warnings.Occurrences);
    }

    [Fact]
    public void TheStubsHoldUnderEveryRevision()
    {
        foreach (var revision in Enum.GetValues<GenericRevision>())
        {
            var m = X86Native.CreateMachine(new MachineOptions { Revision = revision });
            m.Enable();
            m.Disable();
            m.Disable();
            Assert.Equal(0, m.CurrentState.EnableCount);
            Assert.Empty(m.Callbacks.Calls);
            Assert.Equal(0, m.Warnings.Occurrences);
        }
    }

    [Fact]
    public void ParavirtNativeRunsTheGenericLayerWithNoOpCallbacks()
    {
        // x86 with PARAVIRT_XXL on bare metal: the arch opts in, its pv lazy_mode ops are paravirt_nop.
        var m = X86ParavirtNative.CreateMachine();
        Assert.True(m.HasLazyMmuMode);
        Archs.Step(m, x => x.Enable(), 1, 0, true, ArchCallback.Enter);
        Archs.Step(m, x => x.SetPte(Write(1, PteKind.Kernel, true)), 1, 0, true);
        Assert.Equal(0, m.Pending.Count);
        Archs.Step(m, x => x.Disable(), 0, 0, false, ArchCallback.Leave);
        Archs.Step(m, x => x.Disable(), 255, 0, true, ArchCallback.Flush); // warn-once, then C wrap
        Assert.Equal(1, m.Warnings.Occurrences);
        OnlyPteWrites(m, 1);
    }
}
