using System.Reflection;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

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
        return FromImage(image, messages, fromCache, files);
    }

    /// <summary>
    /// Tells ThrowSite where the generated code of <paramref name="arches"/> was written, so an exception thrown in it is
    /// reported at the user's template line (or with the generated line quoted) rather than at a file nowhere on disk.
    /// </summary>
    private static IReadOnlyList<ArchInfo> MapSources(Assembly library, IReadOnlyList<ArchInfo> arches, IReadOnlyList<DescriptorFile> files)
    {
        var sources = arches.Where(a => a.GeneratedSource is not null).ToDictionary(a => a.TypeName + ".g.cs", a => a.GeneratedSource!, StringComparer.Ordinal);
        var templates = files.Where(f => f.FullPath.EndsWith(".scriban", StringComparison.Ordinal)).ToList();
        // The user's own C# (a mechanism's primitive) by the path they gave: two mechanisms may both have a Batch.cs.
        var theirs = files.Where(f => f.FullPath.EndsWith(".cs", StringComparison.Ordinal)).ToDictionary(f => f.FullPath, f => f.DisplayPath, StringComparer.Ordinal);
        ThrowSite.MapSources(library, (path, line) =>
            theirs.TryGetValue(path, out var shown) ? $"{shown}:{line}"
            : sources.TryGetValue(Path.GetFileName(path), out var source) ? GeneratedErrorBlame.PlaceOf(Path.GetFileName(path), source, line, templates)
            : null);
        return arches;
    }

    /// <summary>Loads a compiled arch library image (see <see cref="ArchCompiler"/>) into its own collectible context.</summary>
    /// <param name="image">The image.</param>
    /// <param name="messages">What compiling it said.</param>
    /// <param name="fromCache">True when it came from the compile cache.</param>
    /// <param name="files">The user's files it was compiled from: an exception in generated code is reported at their template lines, one in their C# at the path they gave.</param>
    public static ExternalArches FromImage(byte[] image, IReadOnlyList<string>? messages = null, bool fromCache = false, IReadOnlyList<DescriptorFile>? files = null)
    {
        var context = new ArchLoadContext();
        using var stream = new MemoryStream(image);
        var assembly = context.LoadFromStream(stream);
        return new ExternalArches(context, MapSources(assembly, Registry(assembly), files ?? []), messages ?? [], fromCache);
    }

    /// <summary>Loads the registry of an arch library a project built (see <see cref="ProjectBuild"/>).</summary>
    /// <param name="path">The built assembly.</param>
    /// <param name="hint">Said after the error when the assembly holds no registry (<see cref="ProjectPath.LibraryHint"/>); asked only then, since it reads project files.</param>
    public static ExternalArches FromAssembly(string path, Func<string>? hint = null)
    {
        var context = new ArchLoadContext(path);
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(path));
        if (assembly.GetTypes().All(t => t.Name != "LazyMmuArchRegistry"))
        {
            context.Unload();
            return new ExternalArches(null, [], [$"error: '{path}' has no generated LazyMmuArchRegistry: does the project reference LazyMmuGen.Generator and hold a descriptor?{hint?.Invoke()}"], false) { Failed = true };
        }
        // A project's build has its files on disk, but its templates are not known here: a generated line is quoted.
        return new ExternalArches(context, MapSources(assembly, Registry(assembly), []), [], fromCache: false);
    }

    /// <summary>The generated LazyMmuArchRegistry.All of a loaded arch library.</summary>
    public static IReadOnlyList<ArchInfo> Registry(Assembly assembly)
    {
        var registry = assembly.GetTypes().Single(t => t.Name == "LazyMmuArchRegistry");
        return (IReadOnlyList<ArchInfo>)registry.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }

    public void Dispose() => context?.Unload();
}
