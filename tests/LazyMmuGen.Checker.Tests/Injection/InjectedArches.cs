using LazyMmuGen.Hosting;

namespace LazyMmuGen.Checker.Tests.Injection;

/// <summary>
/// A template override the way a consumer supplies one: an AdditionalFile under a "templates" folder. A fault with no
/// mechanism overrides the arch template itself (templates/arch.scriban).
/// </summary>
public sealed record TemplateFault(string Mechanism, string Hook, string Text)
{
    public string Path => Mechanism.Length == 0
        ? $"{InjectedArches.ProjectDir}templates/arch.scriban"
        : $"{InjectedArches.ProjectDir}templates/mechanisms/{Mechanism}/{Hook}.scriban";

    /// <summary>The built-in arch template with <paramref name="code"/> (which must occur once) replaced.</summary>
    public static TemplateFault ReplacingInArch(string code, string replacement)
    {
        var text = Repo.ArchTemplate();
        Assert.Equal(1, text.Split(code).Length - 1);
        return new TemplateFault("", "", text.Replace(code, replacement, StringComparison.Ordinal));
    }

    /// <summary>The built-in fragment with every <paramref name="code"/> (which must occur) replaced.</summary>
    public static TemplateFault Replacing(string mechanism, string hook, string code, string replacement)
    {
        var text = Repo.Fragment(mechanism, hook);
        Assert.Contains(code, text, StringComparison.Ordinal);
        return new TemplateFault(mechanism, hook, text.Replace(code, replacement, StringComparison.Ordinal));
    }
}

/// <summary>
/// One built-in descriptor plus template overrides, compiled by the generator in process the way the tool
/// compiles a user's descriptors (<see cref="ArchCompiler"/>), and loaded into a collectible context in which
/// LazyMmuGen.Runtime is the already-loaded assembly, so the generated ArchInfo is the checker's ArchInfo.
/// </summary>
public sealed class InjectedArches : IDisposable
{
    public const string ProjectDir = "/project/";

    private readonly ExternalArches loaded;

    private InjectedArches(ExternalArches loaded) => this.loaded = loaded;

    public IReadOnlyList<ArchInfo> All => loaded.Arches;

    public ArchInfo Single => Assert.Single(All);

    public static InjectedArches Compile(string arch, params TemplateFault[] overrides) => Compile(arch, null, overrides);

    /// <summary>As a checking build with LazyMmuBatchCapacity = <paramref name="batchCapacity"/> (docs/checker.md#small-batches) when given.</summary>
    public static InjectedArches Compile(string arch, int? batchCapacity, params TemplateFault[] overrides)
    {
        var descriptor = ProjectDir + arch + ".arch.yaml";
        List<DescriptorFile> files = [new(descriptor, descriptor, Repo.Descriptor(arch)), .. overrides.Select(o => new DescriptorFile(o.Path, o.Path, o.Text))];
        var outcome = ArchCompiler.Compile(files, ProjectDir, "LazyMmuGen.Injected", batchCapacity);
        // No LMG0021 (override rejected: the built-in would silently be used), no other diagnostic, no warning
        // in the generated code.
        Assert.True(outcome.Succeeded && outcome.Messages.Count == 0, "generator or compiler diagnostics:\n" + string.Join("\n", outcome.Messages));
        return new InjectedArches(ExternalArches.FromImage(outcome.Image!));
    }

    public void Dispose() => loaded.Dispose();
}
