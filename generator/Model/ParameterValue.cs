namespace LazyMmuGen.Generator.Model;

/// <summary>
/// A validated mechanism parameter in canonical text form ("192", "true", "mm,page-size",
/// "DEFAULT=0,PGTABLES=1"). Canonical text keeps the model equatable; the catalog turns it into
/// template data.
/// </summary>
public sealed record ParameterValue(string Name, string Canonical);
