namespace LazyMmuGen.Runtime;

/// <summary>Kinds of side effect the machine counts. Names in output come from <see cref="EffectNames"/>.</summary>
public enum Effect
{
    Dsb,
    Isb,
    TlbFlush,
    TlbFlushEntries,
    TlbFlushRange,
    Hypercall,
    Multicall,
    MulticallEntries,
    RegWrite,
    Ipte,
    IpteEntries,
    PreemptDisable,
    PreemptEnable,
    ContextSwitch,
    PteWrite,
    MmuUpdate,
}
