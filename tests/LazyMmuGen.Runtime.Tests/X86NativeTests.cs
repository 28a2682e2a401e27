namespace LazyMmuGen.Runtime.Tests;

/// <summary>x86-native does not opt in: every write completes at once and nothing else happens.</summary>
public class X86NativeTests
{
    private static PteWrite Write(int i, PteKind kind, bool valid) =>
        new(Mm: 1, Addr: 0x1000 * (ulong)i, Kind: kind, Valid: valid, Value: (ulong)i);

    private static void OnlyPteWrites(MachineCore m, long writes)
    {
        var expected = new[] { new KeyValuePair<string, long>(EffectNames.Of(Effect.PteWrite), writes) };
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
}
