namespace LazyMmuGen.Generator.Model;

/// <summary>
/// A type name a failed descriptor claims, with what to tell user code that names it: the descriptor's path
/// and its first error (id, 1-based line and column) and how many errors it has.
/// </summary>
public sealed record PlaceholderEntry(string TypeName, string DescriptorPath, string FirstErrorId, int Line, int Column, int ErrorCount);
