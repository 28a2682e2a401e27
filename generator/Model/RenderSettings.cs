namespace LazyMmuGen.Generator.Model;

/// <summary>Everything besides the descriptor that rendering depends on; one equatable value.</summary>
public sealed record RenderSettings(GeneratorOptions Options, TemplateChoice Templates, MechanismChoice Mechanisms);
