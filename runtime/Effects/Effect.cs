namespace LazyMmuGen.Runtime;

/// <summary>
/// Kinds of side effect the machine counts: the costs lazy MMU batching saves. Names in output come from
/// <see cref="EffectNames"/> (the snake_case name follows each member, e.g. <c>tlb_flush</c>).
/// </summary>
public enum Effect
{
    /// <summary><c>dsb</c>: a data synchronisation barrier (arm64 dsb(ishst) in emit_pte_barriers(), dsb(ish) in __switch_to()).</summary>
    Dsb,

    /// <summary><c>isb</c>: an instruction synchronisation barrier (arm64, after a barrier or a POR_EL1 write).</summary>
    Isb,

    /// <summary><c>tlb_flush</c>: one TLB/hash invalidation operation, whatever its size.</summary>
    TlbFlush,

    /// <summary><c>tlb_flush_entries</c>: the entries those invalidations covered.</summary>
    TlbFlushEntries,

    /// <summary><c>tlb_flush_range</c>: the invalidations that covered more than one entry (flush_hash_range(), smp_flush_tlb_pending()).</summary>
    TlbFlushRange,

    /// <summary><c>hypercall</c>: a direct hypercall (Xen HYPERVISOR_mmu_update, or a singleton multicall via xen_single_call()).</summary>
    Hypercall,

    /// <summary><c>multicall</c>: one HYPERVISOR_multicall of two or more entries.</summary>
    Multicall,

    /// <summary><c>multicall_entries</c>: the entries those multicalls carried.</summary>
    MulticallEntries,

    /// <summary><c>reg_write</c>: a system register write (arm64 kpkeys POR_EL1 switch).</summary>
    RegWrite,

    /// <summary><c>ipte</c>: one s390 IPTE instruction (invalidate page table entry), possibly over a range.</summary>
    Ipte,

    /// <summary><c>ipte_entries</c>: the entries those IPTEs covered.</summary>
    IpteEntries,

    /// <summary><c>preempt_disable</c>: a preempt_disable() call.</summary>
    PreemptDisable,

    /// <summary><c>preempt_enable</c>: a preempt_enable() call.</summary>
    PreemptEnable,

    /// <summary><c>context_switch</c>: one __switch_to on one CPU (a migration counts two).</summary>
    ContextSwitch,

    /// <summary><c>pte_write</c>: a pte store requested through the machine (<see cref="MachineCore.SetPte"/>).</summary>
    PteWrite,

    /// <summary><c>mmu_update</c>: Xen mmu_update requests issued, inside hypercalls and multicalls.</summary>
    MmuUpdate,
}
