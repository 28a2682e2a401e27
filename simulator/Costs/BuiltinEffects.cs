namespace LazyMmuGen.Simulator.Costs;

/// <summary>
/// Effect kinds are declared by the arches that emit them, when their registry loads. Cost profiles name the
/// built-in mechanisms' kinds (dsb, hypercall, ...) before any arch has run, so the built-in registry is loaded
/// first; an external arch's kinds are declared when the tool loads it.
/// </summary>
internal static class BuiltinEffects
{
    private static readonly Lazy<int> Loaded = new(() => LazyMmuGen.Arches.LazyMmuArchRegistry.All.Sum(a => a.Facts.Effects.Count));

    public static void EnsureDeclared() => _ = Loaded.Value;
}
