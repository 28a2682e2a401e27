namespace LazyMmuGen.Runtime;

/// <summary>A page-table entry as the model stores it: an opaque value plus the two bits mechanisms look at.</summary>
public readonly record struct Pte(ulong Value, PteKind Kind, bool Valid)
{
    public static Pte None => default;

    public override string ToString() => Valid ? $"{Kind.ToString().ToLowerInvariant()}:{Value}" : $"invalid:{Value}";
}
