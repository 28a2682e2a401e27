using System.Reflection;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Hosting;

/// <summary>
/// Arches compiled from descriptor files outside the build. Holds the collectible load context of their
/// library until disposed; the ArchInfo objects (and machines they create) must not outlive it.
/// </summary>
public sealed class ExternalArches : IDisposable
{
    private readonly ArchLoadContext? context;

    private ExternalArches(ArchLoadContext? context, IReadOnlyList<ArchInfo> arches, IReadOnlyList<string> messages, bool fromCache)
    {
        this.context = context;
        Arches = arches;
        Messages = messages;
        FromCache = fromCache;
    }

    public IReadOnlyList<ArchInfo> Arches { get; }

    /// <summary>Diagnostics in MSBuild form; when <see cref="Failed"/>, at least one is an error.</summary>
    public IReadOnlyList<string> Messages { get; }

    public bool Failed { get; private init; }

    /// <summary>True when the library came from the cache, so neither the generator nor the compiler ran.</summary>
    public bool FromCache { get; }

    /// <summary>
    /// Compiles (or takes from <paramref name="cache"/>) and loads the arches of <paramref name="files"/>, with
    /// <paramref name="batchCapacity"/> as LazyMmuBatchCapacity when given (docs/checker.md#small-batches).
    /// </summary>
    public static ExternalArches Load(IReadOnlyList<DescriptorFile> files, CompiledArchCache? cache = null, string? projectDir = null, int? batchCapacity = null)
    {
        if (files.Count == 0) return new ExternalArches(null, [], [], fromCache: false);
        cache ??= CompiledArchCache.Default;
        projectDir ??= Directory.GetCurrentDirectory();
        var key = CompiledArchCache.Key(files, projectDir, batchCapacity);
        var image = cache.TryRead(key);
        var fromCache = image is not null;
        IReadOnlyList<string> messages = [];
        if (image is null)
        {
            var outcome = ArchCompiler.Compile(files, projectDir, batchCapacity: batchCapacity);
            messages = outcome.Messages;
            if (outcome.Image is null) return new ExternalArches(null, [], messages, fromCache: false) { Failed = true };
            image = outcome.Image;
            // Only clean compiles are cached, so warnings (an unused override, ...) are printed on every run.
            if (messages.Count == 0) cache.Write(key, image);
        }
        return FromImage(image, messages, fromCache);
    }

    /// <summary>Loads a compiled arch library image (see <see cref="ArchCompiler"/>) into its own collectible context.</summary>
    public static ExternalArches FromImage(byte[] image, IReadOnlyList<string>? messages = null, bool fromCache = false)
    {
        var context = new ArchLoadContext();
        using var stream = new MemoryStream(image);
        var assembly = context.LoadFromStream(stream);
        return new ExternalArches(context, Registry(assembly), messages ?? [], fromCache);
    }

    /// <summary>Loads the registry of an arch library a project built (see <see cref="ProjectBuild"/>).</summary>
    public static ExternalArches FromAssembly(string path)
    {
        var context = new ArchLoadContext(path);
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(path));
        if (assembly.GetTypes().All(t => t.Name != "LazyMmuArchRegistry"))
        {
            context.Unload();
            return new ExternalArches(null, [], [$"error: '{path}' has no generated LazyMmuArchRegistry: does the project reference LazyMmuGen.Generator and hold a descriptor?"], false) { Failed = true };
        }
        return new ExternalArches(context, Registry(assembly), [], fromCache: false);
    }

    /// <summary>The generated LazyMmuArchRegistry.All of a loaded arch library.</summary>
    public static IReadOnlyList<ArchInfo> Registry(Assembly assembly)
    {
        var registry = assembly.GetTypes().Single(t => t.Name == "LazyMmuArchRegistry");
        return (IReadOnlyList<ArchInfo>)registry.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    public void Dispose() => context?.Unload();
}
