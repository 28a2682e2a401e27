namespace LazyMmuGen.Generator.Model;

/// <summary>MSBuild properties the generator reads (CompilerVisibleProperty), as a small equatable value.</summary>
public sealed record GeneratorOptions(string Namespace, string ProjectDir, bool NamespaceValid)
{
    public const string DefaultNamespace = "LazyMmuGen.Arches";

    /// <summary>The largest LazyMmuBatchCapacity: tlb-batch's and hypercall-batch's own parameter maximum.</summary>
    public const int MaxBatchCapacity = 255;

    public string RequestedNamespace { get; init; } = DefaultNamespace;

    /// <summary>
    /// LazyMmuBatchCapacity: a checking build's batch capacity (docs/checker.md#small-batches). Every mechanism
    /// capacity larger than it is lowered to it; null (the default) leaves the descriptors' values alone.
    /// </summary>
    public int? BatchCapacity { get; init; }

    /// <summary>The LazyMmuBatchCapacity text when it is not an integer in 1..<see cref="MaxBatchCapacity"/> (LMG0025), else null.</summary>
    public string? InvalidBatchCapacity { get; init; }

    public static GeneratorOptions Default { get; } = new(DefaultNamespace, "", true);
}
