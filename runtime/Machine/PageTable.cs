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

    public string Fingerprint() =>
        string.Join(";", entries.OrderBy(e => e.Key).Select(e => $"{e.Key.Mm}/{e.Key.Addr}={e.Value}"));
}
