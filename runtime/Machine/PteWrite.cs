namespace LazyMmuGen.Runtime;

/// <summary>
/// One page-table update. <see cref="PageShift"/> and <see cref="SegmentShift"/> exist because TLB batches
/// (powerpc page/segment size, sparc64 huge-page shift) must flush when they change.
/// </summary>
public readonly record struct PteWrite(
    int Mm,
    ulong Addr,
    PteKind Kind,
    bool Valid,
    ulong Value,
    byte PageShift = 12,
    byte SegmentShift = 28)
{
    public Pte Entry => new(Value, Kind, Valid);

    public bool IsValidKernel => Valid && Kind == PteKind.Kernel;
}
