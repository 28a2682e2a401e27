namespace LazyMmuGen.Runtime;

/// <summary>The range hint an outermost <c>enable_with_ptes(mm, start, end)</c> hands to an arch.</summary>
public readonly record struct PteRange(int Mm, ulong Start, ulong End)
{
    public bool Contains(int mm, ulong addr) => mm == Mm && addr >= Start && addr < End;

    public bool IsEmpty => End <= Start;
}
