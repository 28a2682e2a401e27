namespace LazyMmuGen.Generator.Model;

/// <summary>A consumer's replacement for a built-in template, by logical name (e.g. "mechanisms/tlb-batch/leave", no extension).</summary>
public sealed record TemplateOverride(string LogicalName, string Text, string Path);
