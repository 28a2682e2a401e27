namespace LazyMmuGen.Runtime.Tests;

using static ArchCallback;

/// <summary>Per-task counters across context switches and migration, and the machine's scheduling rules.</summary>
public class SchedulingTests
{
    private static readonly ArchCallback[] None = [];

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void TasksHaveTheirOwnCounters(string arch)
    {
        var m = Archs.Create(arch);
        m.Enable();
        m.Enable();
        m.Switch(2);
        Assert.Equal(2, m.CurrentTaskId);
        Assert.False(m.IsActive);
        Assert.True(m.IsTaskActive(1));
        Archs.Step(m, x => x.Enable(), 1, 0, true, Enter);
        Archs.Step(m, x => x.Pause(), 1, 1, false, Leave);
        Assert.Equal(2, m.StateOf(1).EnableCount);
        Assert.Equal(0, m.StateOf(1).PauseCount);

        m.Switch(1);
        Archs.Step(m, x => x.Disable(), 1, 0, true, Flush);
        Assert.Equal(1, m.StateOf(2).EnableCount);
        Assert.Equal(1, m.StateOf(2).PauseCount);
        Assert.False(m.IsTaskActive(2));
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void MigrateIsRefusedWhilePreemptionIsDisabled(string arch)
    {
        var m = Archs.Create(arch);
        m.Enable();
        m.PreemptDisable();
        Assert.Throws<MachineRuleException>(() => m.Migrate(1));
        Assert.Equal(0, m.CurrentCpuId);
        Assert.Equal(0, m.CpuOf(1));
        m.PreemptEnable();

        m.Migrate(1);
        Assert.Equal(1, m.CurrentCpuId);
        Assert.Equal(1, m.CpuOf(1));
        Assert.Equal(Cpu.Idle, m.CpuAt(0).CurrentTask);
        Assert.True(m.IsActive);
        Archs.Step(m, x => x.Disable(), 0, 0, false, Leave);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void SwitchAndMigrateAreRefusedInInterruptContext(string arch)
    {
        var m = Archs.Create(arch);
        m.IrqEnter();
        Assert.Throws<MachineRuleException>(() => m.Switch(2));
        Assert.Throws<MachineRuleException>(() => m.Migrate(1));
        Assert.Equal(1, m.CurrentTaskId);
        Assert.Equal(0, m.CurrentCpuId);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void PreemptEnableAtZeroIsRefused(string arch)
    {
        var m = Archs.Create(arch);
        Assert.Throws<MachineRuleException>(() => m.PreemptEnable());
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void SwitchToTaskRunningElsewhereIsRefused(string arch)
    {
        var m = Archs.Create(arch);
        m.Migrate(1);
        m.FocusCpu(0);
        Assert.Throws<MachineRuleException>(() => m.Switch(1));
        Assert.Throws<MachineRuleException>(() => m.Switch(m.MaxTasks));
    }
}
