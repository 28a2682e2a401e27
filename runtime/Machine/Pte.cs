namespace LazyMmuGen.Runtime;

/// <summary>A page-table entry as the model stores it: an opaque value plus the two bits mechanisms look at.</summary>
/// <param name="Value">
/// The entry's payload, opaque to the model (think of it as the pfn): traces and tests use it to see which write a
/// read returns. Nothing decides anything from it.
/// </param>
/// <param name="Kind">Kernel or user mapping: arm64 defers barriers only for valid kernel ptes, sparc64 batches only user ptes.</param>
/// <param name="Valid">
/// The present/valid bit. Replacing or clearing a valid pte owes an invalidation (powerpc hash__pte_update(),
/// sparc64 maybe_tlb_batch_add(), s390 ptep_flush_direct()); installing one where none was valid does not.
/// </param>
public readonly record struct Pte(ulong Value, PteKind Kind, bool Valid)
{
    /// <summary>The empty entry (value 0, kernel, not valid): what a slot holds before anything is written.</summary>
    public static Pte None => default;

    /// <summary>"kernel:5", "user:7" or "invalid:0": the form trace output shows.</summary>
    public override string ToString() => Valid ? $"{Kind.ToString().ToLowerInvariant()}:{Value}" : $"invalid:{Value}";
}
