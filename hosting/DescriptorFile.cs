namespace LazyMmuGen.Hosting;

/// <summary>One descriptor given on the command line: the path as the user wrote it (for messages) and its text.</summary>
public sealed record DescriptorFile(string DisplayPath, string FullPath, string Text);
