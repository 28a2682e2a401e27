namespace LazyMmuGen.Runtime;

/// <summary>Backing store of every mm's ptes, keyed by (mm, address).</summary>
public sealed class PageTable
{
    private readonly Dictionary<(int Mm, ulong Addr), Pte> entries = new();

    public Pte Read(int mm, ulong addr) => entries.TryGetValue((mm, addr), out var pte) ? pte : Pte.None;

    public void Store(int mm, ulong addr, Pte pte) => entries[(mm, addr)] = pte;

    public int Count => entries.Count;

    internal void CopyFrom(PageTable source)
    {
        foreach (var (key, pte) in source.entries) entries[key] = pte;
    }

    /// <summary>The (mm, address) of every valid pte, in order: what arches decide from.</summary>
    public string ValidFingerprint() =>
        string.Join(";", entries.Where(e => e.Value.Valid).Select(e => e.Key).OrderBy(k => k).Select(k => $"{k.Mm}/{k.Addr:x}"));

    public string Fingerprint() =>
        string.Join(";", entries.OrderBy(e => e.Key).Select(e => $"{e.Key.Mm}/{e.Key.Addr}={e.Value}"));
}
