namespace LazyMmuGen.Runtime.Tests;

using static ArchCallback;

/// <summary>The generic layer's preemption points between a counter update and its arch callback.</summary>
public class PreemptionPointTests
{
    private sealed class Recorder(Action<MachineCore, PreemptSite>? action = null) : IPreemptionScheduler
    {
        public List<(PreemptSite Site, int CallbacksSoFar)> Seen { get; } = new();

        public void AtPreemptionPoint(MachineCore machine, PreemptSite site)
        {
            Seen.Add((site, machine.Callbacks.Calls.Count));
            action?.Invoke(machine, site);
        }
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void EnableFromZeroHitsThePointBeforeEnter(string arch)
    {
        var m = Archs.Create(arch);
        var recorder = new Recorder();
        m.Scheduler = recorder;
        m.Enable();
        Assert.Equal([(PreemptSite.EnableBeforeEnter, 0)], recorder.Seen);
        Assert.Equal([Enter], m.Callbacks.Calls);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void EveryCallbackHasItsPoint(string arch)
    {
        var m = Archs.Create(arch);
        var recorder = new Recorder();
        m.Scheduler = recorder;
        m.Enable();
        m.Enable();
        m.Pause();
        m.Resume();
        m.Disable();
        m.Disable();
        Assert.Equal(
            [PreemptSite.EnableBeforeEnter, PreemptSite.PauseBeforeLeave, PreemptSite.ResumeBeforeEnter,
             PreemptSite.DisableBeforeFlush, PreemptSite.DisableBeforeLeave],
            recorder.Seen.Select(s => s.Site));
        Assert.Equal([0, 1, 2, 3, 4], recorder.Seen.Select(s => s.CallbacksSoFar));
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void NoPointWhilePreemptionIsDisabled(string arch)
    {
        var m = Archs.Create(arch);
        var recorder = new Recorder();
        m.Scheduler = recorder;
        m.PreemptDisable();
        m.Enable();
        m.Disable();
        Assert.Empty(recorder.Seen);
        Assert.Equal([Enter, Leave], m.Callbacks.Calls);
        m.PreemptEnable();
        m.Enable();
        Assert.Equal([PreemptSite.EnableBeforeEnter], recorder.Seen.Select(s => s.Site));
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void SchedulerMayMigrateBeforeEnter(string arch)
    {
        var m = Archs.Create(arch);
        m.Scheduler = new Recorder((x, _) => x.Migrate(1));
        m.Enable();
        Assert.Equal(1, m.CurrentCpuId);
        Assert.Equal(1, m.CpuOf(1));
        Assert.True(m.IsActive);
        Assert.Equal([Enter], m.Callbacks.Calls);
    }
}
