using LazyMmuGen.Arches;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Cli.Commands;

/// <summary>Resolves --arch NAME|all against the generated registry.</summary>
public static class ArchSelection
{
    public static IReadOnlyList<ArchInfo>? Resolve(string name, TextWriter error)
    {
        if (name == "all") return LazyMmuArchRegistry.All;
        if (LazyMmuArchRegistry.Find(name) is { } arch) return [arch];
        error.WriteLine($"error: unknown arch '{name}'. Known arches: {string.Join(", ", LazyMmuArchRegistry.All.Select(a => a.Name))}, or 'all'.");
        return null;
    }
}
