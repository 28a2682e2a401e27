using System.Reflection;
using System.Runtime.Loader;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Hosting;

/// <summary>
/// A collectible context for one compiled arch library. LazyMmuGen.Runtime resolves to the host's own copy, so
/// the generated ArchInfo and machines are the host's types (the checker and simulator take them as they are).
/// A built project's other dependencies resolve from its output folder.
internal sealed class ArchLoadContext(string? mainAssembly = null) : AssemblyLoadContext("LazyMmuGen.External", isCollectible: true)
{
    private static readonly Assembly Runtime = typeof(MachineCore).Assembly;
    private readonly AssemblyDependencyResolver? resolver = mainAssembly is null ? null : new AssemblyDependencyResolver(mainAssembly);

    protected override Assembly? Load(AssemblyName name)
    {
        if (string.Equals(name.Name, Runtime.GetName().Name, StringComparison.Ordinal)) return Runtime;
        return resolver?.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
