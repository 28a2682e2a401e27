using System.Reflection;
using System.Runtime.Loader;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Generator.Tests;

/// <summary>Emits a generator run's compilation and loads its registry, as a consumer's build would produce it.</summary>
public static class GeneratedArches
{
    /// <summary>Every arch of the run's LazyMmuArchRegistry, from an image loaded into its own collectible context.</summary>
    public static IReadOnlyList<ArchInfo> Load(GeneratorRun run, string contextName)
    {
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext(contextName, isCollectible: true);
        var registry = context.LoadFromStream(image).GetTypes().Single(t => t.Name == "LazyMmuArchRegistry");
        return Assert.IsAssignableFrom<IReadOnlyList<ArchInfo>>(registry.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)).ToList();
    }
}
