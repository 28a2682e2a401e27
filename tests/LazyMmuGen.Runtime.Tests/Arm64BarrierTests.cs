namespace LazyMmuGen.Runtime.Tests;

/// <summary>arm64 deferred barriers: exact dsb/isb counts and pending writes (docs/contract.md §6).</summary>
public class Arm64BarrierTests
{
    private static PteWrite Kernel(int i, bool valid = true) =>
        new(Mm: 1, Addr: 0x1000 * (ulong)i, Kind: PteKind.Kernel, Valid: valid, Value: (ulong)i);

    private static PteWrite User(int i) =>
        new(Mm: 1, Addr: 0x1000 * (ulong)i, Kind: PteKind.User, Valid: true, Value: (ulong)i);

    private static void Barriers(MachineCore m, long dsb, long isb, int pending)
    {
        Assert.Equal(dsb, m.Effects["dsb"]);
        Assert.Equal(isb, m.Effects["isb"]);
        Assert.Equal(pending, m.Pending.Count);
    }

    [Fact]
    public void KernelWritesInSectionShareOneBarrierPairAtDisable()
    {
        var m = Arm64.CreateMachine();
        m.Enable();
        for (var i = 1; i <= 3; i++)
        {
            m.SetPte(Kernel(i));
            Barriers(m, 0, 0, i);
        }
        Assert.True(m.TaskState(1).BarriersPending);
        Assert.Equal(new Pte(2, PteKind.Kernel, true), m.GetPte(1, 0x2000));
        m.Disable();
        Barriers(m, 1, 1, 0);
        Assert.False(m.TaskState(1).BarriersPending);
        Assert.Equal(3, m.Effects["pte_write"]);
    }

    [Fact]
    public void KernelWritesOutsideModeBarrierEachTime()
    {
        var m = Arm64.CreateMachine();
        for (var i = 1; i <= 3; i++)
        {
            m.SetPte(Kernel(i));
            Barriers(m, i, i, 0);
        }
        Assert.False(m.TaskState(1).BarriersPending);
    }

    [Fact]
    public void UserAndInvalidKernelPtesNeverBarrierNorStayPending()
    {
        var m = Arm64.CreateMachine();
        m.SetPte(User(1));
        m.SetPte(Kernel(2, valid: false));
        Barriers(m, 0, 0, 0);
        m.Enable();
        m.SetPte(User(3));
        Barriers(m, 0, 0, 0);
        m.SetPte(Kernel(4, valid: false));
        Barriers(m, 0, 0, 0);
        Assert.False(m.TaskState(1).BarriersPending);
        m.Disable();
        Barriers(m, 0, 0, 0);
        Assert.Equal(4, m.Effects["pte_write"]);
    }

    [Fact]
    public void InnerDisableFlushesAndOuterDisableWithoutNewWritesIssuesNone()
    {
        var m = Arm64.CreateMachine();
        m.Enable();
        m.SetPte(Kernel(1));
        m.Enable();
        m.SetPte(Kernel(2));
        Barriers(m, 0, 0, 2);
        m.Disable();
        Barriers(m, 1, 1, 0);
        Assert.True(m.IsActive);
        m.Disable();
        Barriers(m, 1, 1, 0);
    }

    [Fact]
    public void WritesAfterInnerDisableGetTheirOwnPairAtOuterDisable()
    {
        var m = Arm64.CreateMachine();
        m.Enable();
        m.Enable();
        m.SetPte(Kernel(1));
        m.Disable();
        m.SetPte(Kernel(2));
        Barriers(m, 1, 1, 1);
        m.Disable();
        Barriers(m, 2, 2, 0);
    }

    [Fact]
    public void PauseFlushesAndWritesWhilePausedAreImmediate()
    {
        var m = Arm64.CreateMachine();
        m.Enable();
        m.Enable();
        m.SetPte(Kernel(1));
        m.SetPte(Kernel(2));
        m.Pause();
        Barriers(m, 1, 1, 0);
        m.SetPte(Kernel(3));
        Barriers(m, 2, 2, 0);
        m.Resume();
        m.SetPte(Kernel(4));
        Barriers(m, 2, 2, 1);
        m.Disable();
        Barriers(m, 3, 3, 0);
        m.Disable();
        Barriers(m, 3, 3, 0);
    }

    [Fact]
    public void InterruptWritesInsideSectionBarrierAtOnceAndLeaveTheTaskFlagAlone()
    {
        var m = Arm64.CreateMachine();
        m.Enable();
        m.IrqEnter();
        m.SetPte(Kernel(1));
        Barriers(m, 1, 1, 0);
        Assert.False(m.TaskState(1).BarriersPending);
        m.IrqExit();
        m.SetPte(Kernel(2));
        Barriers(m, 1, 1, 1);
        m.IrqEnter();
        m.SetPte(Kernel(3));
        Barriers(m, 2, 2, 1);
        Assert.True(m.TaskState(1).BarriersPending);
        m.IrqExit();
        m.Disable();
        Barriers(m, 3, 3, 0);
    }

    [Fact]
    public void InterruptWriteWithoutTaskWritesLeavesNothingToFlush()
    {
        var m = Arm64.CreateMachine();
        m.Enable();
        m.IrqEnter();
        m.SetPte(Kernel(1));
        m.IrqExit();
        m.Disable();
        Barriers(m, 1, 1, 0);
    }

    [Fact]
    public void EachSwitchToIssuesOneDsbAndAMigrationIsTwo()
    {
        // arch/arm64/kernel/process.c: __switch_to() issues dsb(ish) on every switch. A migration is two
        // switches, out on the old CPU (to its idle task) and in on the new one (from its idle task).
        var m = Arm64.CreateMachine();
        m.Switch(2);
        Barriers(m, 1, 0, 0);
        m.Switch(1);
        Barriers(m, 2, 0, 0);
        m.Migrate(1);
        Barriers(m, 4, 0, 0);
        Assert.Equal(4, m.Effects["context_switch"]); // migrate = CPU 0 to idle + CPU 1 from idle
    }

    [Fact]
    public void PendingFlagFollowsTheTaskAcrossSwitchAndMigration()
    {
        var m = Arm64.CreateMachine();
        m.Enable();
        m.SetPte(Kernel(1));
        m.Switch(2);
        Assert.True(m.TaskState(1).BarriersPending);
        Assert.False(m.TaskState(2).BarriersPending);
        m.Switch(1);
        m.Migrate(1); // two __switch_to, two dsb(ish) (arch/arm64/kernel/process.c)
        Barriers(m, 4, 0, 1);
        m.Disable();
        Barriers(m, 5, 1, 0);
        Assert.False(m.TaskState(1).BarriersPending);
    }

    [Fact]
    public void FlushCompletesOnlyTheFlushingTasksWrites()
    {
        var m = Arm64.CreateMachine();
        m.Enable();
        m.SetPte(Kernel(1));
        m.Switch(2);
        m.Enable();
        m.SetPte(Kernel(2));
        m.Disable();
        Barriers(m, 2, 1, 1); // switch-out dsb + task 2's pair
        Assert.Equal(1, Assert.Single(m.Pending.All).Task);
        Assert.True(m.TaskState(1).BarriersPending);
        m.Switch(1);
        m.Disable();
        Barriers(m, 4, 2, 0);
    }
}
