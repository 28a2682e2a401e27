namespace LazyMmuGen.Arches.Tests;

/// <summary>Builders for pte writes and effect deltas shared by the per-arch tests.</summary>
public static class Pages
{
    public const ulong Size = 0x1000;

    /// <summary>The address of page <paramref name="index"/> counted from <paramref name="start"/>.</summary>
    public static ulong At(int index, ulong start = Size) => start + (ulong)index * Size;

    public static PteWrite Kernel(ulong addr, int mm = 1, byte pageShift = 12, byte segmentShift = 28, ulong? value = null) =>
        new(mm, addr, PteKind.Kernel, true, value ?? addr / Size, pageShift, segmentShift);

    public static PteWrite User(ulong addr, int mm = 1, byte pageShift = 12, byte segmentShift = 28, ulong? value = null) =>
        new(mm, addr, PteKind.User, true, value ?? addr / Size, pageShift, segmentShift);

    public static PteWrite Invalid(ulong addr, int mm = 1) => new(mm, addr, PteKind.Kernel, false, 0);

    /// <summary>
    /// Makes pages 0..count-1 (from <see cref="Size"/>) valid in each mm, straight in the page table, so that
    /// writes over them owe an invalidation: powerpc hash__pte_update() and sparc64 maybe_tlb_batch_add()
    /// invalidate only a pte whose old value was hashed/accessible (the model's proxy: valid).
    /// </summary>
    public static T Populated<T>(T m, int count = 200, params int[] mms) where T : MachineCore
    {
        foreach (var mm in mms.Length == 0 ? [1, 2, 3, 4, 9] : mms)
        {
            for (var i = 0; i < count; i++) m.PageTable.Preload(mm, At(i), new Pte(1, PteKind.User, true));
        }
        return m;
    }

    /// <summary>Runs <paramref name="op"/> and returns exactly the effects it added.</summary>
    public static EffectCounts Delta(MachineCore m, Action op)
    {
        var before = m.Effects.Snapshot();
        op();
        return m.Effects.Snapshot().Minus(before);
    }

    /// <summary>Runs a script on a machine and returns one row per op.</summary>
    public static IReadOnlyList<TraceRow> Trace(MachineCore m, string script) =>
        new TraceRunner(m).Run(OpScript.Parse(script)).ToList();
}
