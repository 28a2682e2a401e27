namespace LazyMmuGen.Runtime.Tests;

/// <summary>Interrupt context: every lazy MMU call is a no-op and the mode is never active there.</summary>
public class InterruptTests
{
    private static readonly ArchCallback[] None = [];

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void CallsInInterruptHaveNoEffectOutsideSection(string arch)
    {
        var m = Archs.Create(arch);
        m.IrqEnter();
        Archs.Step(m, x => x.Enable(), 0, 0, false, None);
        Archs.Step(m, x => x.Pause(), 0, 0, false, None);
        Archs.Step(m, x => x.Resume(), 0, 0, false, None);
        Archs.Step(m, x => x.Disable(), 0, 0, false, None);
        Assert.Equal(0, m.Warnings.Occurrences);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void CallsInInterruptHaveNoEffectInsideSection(string arch)
    {
        var m = Archs.Create(arch);
        m.Enable();
        m.IrqEnter();
        Assert.True(m.InInterrupt);
        Assert.False(m.IsActive);
        Assert.True(m.IsTaskActive(m.CurrentTaskId));
        Archs.Step(m, x => x.Enable(), 1, 0, false, None);
        Archs.Step(m, x => x.Disable(), 1, 0, false, None);
        Archs.Step(m, x => x.Disable(), 1, 0, false, None);
        Archs.Step(m, x => x.Pause(), 1, 0, false, None);
        Archs.Step(m, x => x.Resume(), 1, 0, false, None);
        Assert.True(m.IsTaskActive(m.CurrentTaskId));
        m.IrqExit();
        Assert.True(m.IsActive);
        Archs.Step(m, x => x.Disable(), 0, 0, false, ArchCallback.Leave);
        Assert.Equal(0, m.Warnings.Occurrences);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void NestedInterruptsStayInactiveUntilLastExit(string arch)
    {
        var m = Archs.Create(arch);
        m.Enable();
        m.IrqEnter();
        m.IrqEnter();
        Assert.Equal(2, m.CurrentCpu.IrqDepth);
        m.IrqExit();
        Assert.False(m.IsActive);
        m.IrqExit();
        Assert.True(m.IsActive);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void IrqExitAtDepthZeroIsRefused(string arch)
    {
        var m = Archs.Create(arch);
        Assert.Throws<MachineRuleException>(() => m.IrqExit());
        m.IrqEnter();
        m.IrqExit();
        Assert.Throws<MachineRuleException>(() => m.IrqExit());
        Assert.Equal(0, m.CurrentCpu.IrqDepth);
    }
}
