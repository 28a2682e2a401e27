namespace LazyMmuGen.Runtime.Tests;

/// <summary>The generated registry lists the arches and its factories build machines of the right arch.</summary>
public class RegistryTests
{
    [Theory, MemberData(nameof(Archs.All), MemberType = typeof(Archs))]
    public void RegistryFactoryBuildsTheArch(string arch)
    {
        var info = LazyMmuArchRegistry.Find(arch);
        Assert.NotNull(info);
        var m = info.CreateMachine(MachineOptions.Default);
        Assert.Equal(arch, m.ArchName);
        Assert.Equal(info.HasDistinctPauseResume, m.HasDistinctPauseResume);
        m.Enable();
        Assert.Equal([ArchCallback.Enter], m.Callbacks.Calls);
    }

    [Fact]
    public void RegistryIsOrderedByName()
    {
        var names = LazyMmuArchRegistry.All.Select(a => a.Name).ToArray();
        Assert.Contains(Arm64.ArchName, names);
        Assert.Contains(X86Native.ArchName, names);
        Assert.Contains(X86ParavirtNative.ArchName, names);
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
        Assert.Null(LazyMmuArchRegistry.Find("no-such-arch"));
    }
}
