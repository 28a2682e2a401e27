namespace LazyMmuGen.Runtime;

/// <summary>
/// A page-table store the hardware refuses: a <see cref="StoreGuard"/> of the arch says page tables are writable only
/// with a register at a level, and it was not. Kernel: arm64 kpkeys maps page-table pages with a privileged pkey
/// that is writable only at KPKEYS_LVL_PGTABLES ("[RFC PATCH v5 15/18] arm64: mm: Guard page table writes with
/// kpkeys": __set_pte_nosync() takes guard(kpkeys_hardened_pgtables) around WRITE_ONCE(*ptep, pte)); a store at
/// another level is a permission fault.
/// </summary>
public sealed class PteStoreFaultException(string message) : InvalidOperationException(message)
{
    /// <summary>What an op's error starts with when it faulted this way (trace rows; the checker reports the property by it).</summary>
    public const string Prefix = "page-table store fault: ";
}
