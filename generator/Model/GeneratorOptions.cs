namespace LazyMmuGen.Generator.Model;

/// <summary>MSBuild properties the generator reads (CompilerVisibleProperty), as a small equatable value.</summary>
public sealed record GeneratorOptions(string Namespace, string ProjectDir, bool NamespaceValid)
{
    public const string DefaultNamespace = "LazyMmuGen.Arches";

    public string RequestedNamespace { get; init; } = DefaultNamespace;

    public static GeneratorOptions Default { get; } = new(DefaultNamespace, "", true);
}
