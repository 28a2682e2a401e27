namespace LazyMmuGen.Runtime;

/// <summary>The range hint an outermost <c>enable_with_ptes(mm, start, end)</c> hands to an arch.</summary>
/// <param name="Mm">The address space (mm) number the range is in.</param>
/// <param name="Start">First address of the range, in bytes (inclusive).</param>
/// <param name="End">End of the range, in bytes (exclusive).</param>
public readonly record struct PteRange(int Mm, ulong Start, ulong End)
{
    /// <summary>True when <paramref name="addr"/> in <paramref name="mm"/> lies in [<see cref="Start"/>, <see cref="End"/>).</summary>
    /// <param name="mm">The address space (mm) number.</param>
    /// <param name="addr">The virtual address, in bytes.</param>
    public bool Contains(int mm, ulong addr) => mm == Mm && addr >= Start && addr < End;

    /// <summary>True when the range holds no address (<see cref="End"/> &lt;= <see cref="Start"/>), e.g. <c>default</c>.</summary>
    public bool IsEmpty => End <= Start;
}
