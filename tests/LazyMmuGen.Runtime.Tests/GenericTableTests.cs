namespace LazyMmuGen.Runtime.Tests;

using static ArchCallback;

/// <summary>Every row of the generic table in docs/contract.md §2, for every arch.</summary>
public class GenericTableTests
{
    private static readonly ArchCallback[] None = [];

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void ArchesUnderTestUseLeaveAndEnterForPauseAndResume(string arch)
    {
        var m = Archs.Create(arch);
        Assert.Equal(arch, m.ArchName);
        Assert.False(m.HasDistinctPauseResume);
        Assert.False(m.IsActive);
        Assert.Empty(m.Callbacks.Calls);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void EnableFromZeroEnters(string arch)
    {
        var m = Archs.Create(arch);
        Archs.Step(m, x => x.Enable(), 1, 0, true, Enter);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void NestedEnableCallsNothing(string arch)
    {
        var m = Archs.Create(arch);
        m.Enable();
        Archs.Step(m, x => x.Enable(), 2, 0, true, None);
        Archs.Step(m, x => x.Enable(), 3, 0, true, None);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void DisableToZeroLeaves(string arch)
    {
        var m = Archs.Create(arch);
        m.Enable();
        Archs.Step(m, x => x.Disable(), 0, 0, false, Leave);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void DisableToNonZeroFlushes(string arch)
    {
        var m = Archs.Create(arch);
        m.Enable();
        m.Enable();
        m.Enable();
        Archs.Step(m, x => x.Disable(), 2, 0, true, Flush);
        Archs.Step(m, x => x.Disable(), 1, 0, true, Flush);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void PauseInsideSectionLeaves(string arch)
    {
        var m = Archs.Create(arch);
        m.Enable();
        m.Enable();
        Archs.Step(m, x => x.Pause(), 2, 1, false, Leave);
        Assert.False(m.IsTaskActive(m.CurrentTaskId));
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void NestedPauseCallsNothing(string arch)
    {
        var m = Archs.Create(arch);
        m.Enable();
        m.Pause();
        Archs.Step(m, x => x.Pause(), 1, 2, false, None);
        Archs.Step(m, x => x.Resume(), 1, 1, false, None);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void PauseAndResumeOutsideAnySectionCallNothing(string arch)
    {
        var m = Archs.Create(arch);
        Archs.Step(m, x => x.Pause(), 0, 1, false, None);
        Archs.Step(m, x => x.Resume(), 0, 0, false, None);
        Assert.Empty(m.Warnings.Emitted);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void ResumeToZeroInsideSectionEnters(string arch)
    {
        var m = Archs.Create(arch);
        m.Enable();
        m.Enable();
        m.Pause();
        Archs.Step(m, x => x.Resume(), 2, 0, true, Enter);
    }

    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void SeedSummaryTrace(string arch)
    {
        var m = Archs.Create(arch);
        Archs.Step(m, x => x.Enable(), 1, 0, true, Enter);
        Archs.Step(m, x => x.Enable(), 2, 0, true, None);
        Archs.Step(m, x => x.Pause(), 2, 1, false, Leave);
        Archs.Step(m, x => x.Resume(), 2, 0, true, Enter);
        Archs.Step(m, x => x.Disable(), 1, 0, true, Flush);
        Archs.Step(m, x => x.Disable(), 0, 0, false, Leave);
        Assert.Empty(m.Warnings.Emitted);
        Assert.Equal(0, m.Warnings.Occurrences);
    }
}
