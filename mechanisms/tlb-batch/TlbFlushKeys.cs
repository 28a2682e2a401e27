namespace LazyMmuGen.Runtime;

/// <summary>Properties whose change flushes a non-empty TLB batch before appending.</summary>
[Flags]
public enum TlbFlushKeys
{
    /// <summary>Nothing flushes the batch early; it flushes when full or when the arch says so.</summary>
    None = 0,

    /// <summary>The mm (powerpc's batch->mm, sparc64's tb->mm): another mm's write flushes first.</summary>
    Mm = 1,

    /// <summary>The page size (powerpc's psize), compared through <see cref="PteWrite.PageShift"/>.</summary>
    PageSize = 2,

    /// <summary>The segment size (powerpc hash's ssize), compared through <see cref="PteWrite.SegmentShift"/>.</summary>
    SegmentSize = 4,

    /// <summary>sparc64's hugepage_shift, compared through <see cref="PteWrite.PageShift"/>.</summary>
    HugePageShift = 8,
}
