namespace LazyMmuGen.Runtime.Tests;

/// <summary>Under <see cref="MisusePolicy.Strict"/> each misuse is refused: exception, state unchanged, no callback.</summary>
public class StrictPolicyTests
{
    private static void Refused(MachineCore m, Action<MachineCore> op, WarnSite site)
    {
        var before = m.CurrentState;
        m.Callbacks.Clear();
        var ex = Assert.Throws<LazyMmuMisuseException>(() => op(m));
        Assert.Equal(site, ex.Site);
        Assert.Contains(WarnOnceLog.Message(site), ex.Message);
        Assert.Equal(before.EnableCount, m.CurrentState.EnableCount);
        Assert.Equal(before.PauseCount, m.CurrentState.PauseCount);
        Assert.Empty(m.Callbacks.Calls);
        Assert.Empty(m.Warnings.Emitted);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void DoubleDisableIsRefused(string arch)
    {
        var m = Archs.Strict(arch);
        m.Enable();
        m.Disable();
        Refused(m, x => x.Disable(), WarnSite.DisableUnderflow);
        Assert.Equal(0, m.CurrentState.EnableCount);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void ResumeWithoutPauseIsRefused(string arch)
    {
        var m = Archs.Strict(arch);
        m.Enable();
        Refused(m, x => x.Resume(), WarnSite.ResumeUnderflow);
        Assert.True(m.IsActive);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void EnableOverflowIsRefused(string arch)
    {
        var m = Archs.Strict(arch);
        Archs.Repeat(m, x => x.Enable(), 255);
        Refused(m, x => x.Enable(), WarnSite.EnableOverflow);
        Assert.Equal(255, m.CurrentState.EnableCount);
        Assert.True(m.IsActive);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void PauseOverflowIsRefused(string arch)
    {
        var m = Archs.Strict(arch);
        m.Enable();
        Archs.Repeat(m, x => x.Pause(), 255);
        Refused(m, x => x.Pause(), WarnSite.PauseOverflow);
        Assert.Equal(255, m.CurrentState.PauseCount);
        Assert.False(m.IsActive);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void CorrectUseIsNotRefused(string arch)
    {
        var m = Archs.Strict(arch);
        m.Enable();
        m.Pause();
        m.Disable();
        m.Resume();
        m.Disable();
        Assert.Equal([ArchCallback.Enter, ArchCallback.Leave, ArchCallback.Enter, ArchCallback.Leave], m.Callbacks.Calls);
    }
}
