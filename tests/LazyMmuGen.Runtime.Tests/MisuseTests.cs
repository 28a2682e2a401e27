namespace LazyMmuGen.Runtime.Tests;

using static ArchCallback;

/// <summary>Misuse under warn-once (C-faithful u8 wrap-around) and calls that are no-ops while paused.</summary>
public class MisuseTests
{
    private static readonly ArchCallback[] None = [];

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void DoubleDisableWarnsOnceWrapsTo255AndFlushes(string arch)
    {
        var m = Archs.Create(arch);
        m.Enable();
        m.Disable();
        Archs.Step(m, x => x.Disable(), 255, 0, true, Flush);
        Assert.Equal([WarnOnceLog.Message(WarnSite.DisableUnderflow)], m.Warnings.Emitted);
        Assert.Equal(1, m.Warnings.Occurrences);
        Assert.True(m.Warnings.HasFired(WarnSite.DisableUnderflow));

        // 254 flushes bring it to 1, the 255th disable leaves; the next one is the second misuse.
        Archs.Repeat(m, x => x.Disable(), 254);
        Archs.Step(m, x => x.Disable(), 0, 0, false, Leave);
        Archs.Step(m, x => x.Disable(), 255, 0, true, Flush);
        Assert.Single(m.Warnings.Emitted);
        Assert.Equal(2, m.Warnings.Occurrences);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void ResumeWithoutPauseWarnsAndWrapsTo255WithoutCallback(string arch)
    {
        var m = Archs.Create(arch);
        m.Enable();
        Archs.Step(m, x => x.Resume(), 1, 255, false, None);
        Assert.Equal([WarnOnceLog.Message(WarnSite.ResumeUnderflow)], m.Warnings.Emitted);
        Assert.Equal(1, m.Warnings.Occurrences);
        Assert.False(m.IsTaskActive(m.CurrentTaskId));
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void EnableOverflowWarnsAndWrapsToZeroWithoutEnter(string arch)
    {
        var m = Archs.Create(arch);
        m.Callbacks.Clear();
        for (var i = 0; i < 255; i++) m.Enable();
        Assert.Equal([Enter], m.Callbacks.Calls);
        Assert.Empty(m.Warnings.Emitted);
        Archs.Step(m, x => x.Enable(), 0, 0, false, None);
        Assert.Equal([WarnOnceLog.Message(WarnSite.EnableOverflow)], m.Warnings.Emitted);
        Assert.Equal(1, m.Warnings.Occurrences);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void PauseOverflowWarnsAndWrapsToZeroWithoutCallback(string arch)
    {
        var m = Archs.Create(arch);
        m.Enable();
        Archs.Step(m, x => x.Pause(), 1, 1, false, Leave);
        Archs.Repeat(m, x => x.Pause(), 254);
        Assert.Equal(255, m.CurrentState.PauseCount);
        Assert.Empty(m.Warnings.Emitted);
        // C: `if (pause_count++ == 0 ...)` sees 255, so no callback, yet the mode counts as active again.
        Archs.Step(m, x => x.Pause(), 1, 0, true, None);
        Assert.Equal([WarnOnceLog.Message(WarnSite.PauseOverflow)], m.Warnings.Emitted);
        Assert.Equal(1, m.Warnings.Occurrences);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void WarningsAreOncePerSite(string arch)
    {
        var m = Archs.Create(arch);
        m.Disable(); // misuse: 0 -> 255
        m.Disable(); // fine: 255 -> 254
        m.Resume(); // misuse: 0 -> 255
        m.Resume(); // fine: 255 -> 254
        Assert.Equal(2, m.Warnings.Occurrences);
        m.StateOf(m.CurrentTaskId) = default;
        m.Disable(); // second disable misuse: counted, not printed
        Assert.Equal(
            [WarnOnceLog.Message(WarnSite.DisableUnderflow), WarnOnceLog.Message(WarnSite.ResumeUnderflow)],
            m.Warnings.Emitted);
        Assert.Equal(3, m.Warnings.Occurrences);
        Assert.False(m.Warnings.HasFired(WarnSite.EnableOverflow));
        Assert.False(m.Warnings.HasFired(WarnSite.PauseOverflow));
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void EnableAndDisableWhilePausedAreNoOps(string arch)
    {
        var m = Archs.Create(arch);
        m.Enable();
        m.Pause();
        Archs.Step(m, x => x.Enable(), 1, 1, false, None);
        Archs.Step(m, x => x.Disable(), 1, 1, false, None);
        Archs.Step(m, x => x.Disable(), 1, 1, false, None);
        Archs.Step(m, x => x.Resume(), 1, 0, true, Enter);
        Assert.Empty(m.Warnings.Emitted);
        Assert.Equal(0, m.Warnings.Occurrences);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void DisableWhilePausedOutsideSectionDoesNotWarn(string arch)
    {
        var m = Archs.Create(arch);
        m.Pause();
        Archs.Step(m, x => x.Disable(), 0, 1, false, None);
        Archs.Step(m, x => x.Enable(), 0, 1, false, None);
        Assert.Equal(0, m.Warnings.Occurrences);
    }
}
