namespace LazyMmuGen.Runtime;

/// <summary>Properties whose change flushes a non-empty TLB batch before appending.</summary>
[Flags]
public enum TlbFlushKeys
{
    None = 0,
    Mm = 1,
    PageSize = 2,
    SegmentSize = 4,
    HugePageShift = 8,
}
