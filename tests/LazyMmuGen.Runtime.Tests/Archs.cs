namespace LazyMmuGen.Runtime.Tests;

/// <summary>Arch factories for [Theory] tests, and a one-step assertion over callbacks and counters.</summary>
public static class Archs
{
    public static TheoryData<string> All => new() { Arm64.ArchName, X86ParavirtNative.ArchName };

    public static MachineCore Create(string arch, MachineOptions? options = null) => arch switch
    {
        Arm64.ArchName => Arm64.CreateMachine(options),
        X86ParavirtNative.ArchName => X86ParavirtNative.CreateMachine(options),
        _ => throw new ArgumentOutOfRangeException(nameof(arch), arch, "unknown arch"),
    };

    public static MachineCore Strict(string arch) => Create(arch, new MachineOptions { Policy = MisusePolicy.Strict });

    /// <summary>Runs one op on a cleared callback log and checks exactly what it called and left behind.</summary>
    public static void Step(
        MachineCore m, Action<MachineCore> op, byte enable, byte pause, bool active, params ArchCallback[] calls)
    {
        m.Callbacks.Clear();
        op(m);
        Assert.Equal(calls, m.Callbacks.Calls);
        Assert.Equal(enable, m.CurrentState.EnableCount);
        Assert.Equal(pause, m.CurrentState.PauseCount);
        Assert.Equal(active, m.IsActive);
    }

    /// <summary>Calls <paramref name="op"/> <paramref name="times"/> times, then clears the callback log.</summary>
    public static void Repeat(MachineCore m, Action<MachineCore> op, int times)
    {
        for (var i = 0; i < times; i++) op(m);
        m.Callbacks.Clear();
    }
}
