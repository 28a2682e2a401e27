namespace LazyMmuGen.Generator.Model;

/// <summary>A parsed descriptor with the cross-file verdict that concerns it alone (its duplicate diagnostic, if any).</summary>
public sealed record CheckedDescriptor(ParseResult Parsed, DiagnosticInfo? Duplicate);
