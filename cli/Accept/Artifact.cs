namespace LazyMmuGen.Cli.Accept;

/// <summary>One file the tests compare against, with what it must hold now (null: it must not exist).</summary>
public sealed record Artifact(string RelativePath, string? Expected, string Kind);
