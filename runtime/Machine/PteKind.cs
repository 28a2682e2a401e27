namespace LazyMmuGen.Runtime;

/// <summary>Whether a pte maps kernel or user memory (pte_valid_not_user() on arm64; init_mm versus a user mm elsewhere).</summary>
public enum PteKind
{
    /// <summary>A kernel mapping: arm64's deferred barriers apply only to valid kernel ptes (__set_pte_complete()).</summary>
    Kernel,

    /// <summary>A user mapping: its TLB maintenance carries the barriers on arm64; sparc64 batches only these.</summary>
    User,
}
