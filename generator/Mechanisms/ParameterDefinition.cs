using System.Collections.Generic;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// One typed parameter of a mechanism. <see cref="Default"/> is canonical text; null means required.
/// <see cref="LevelSource"/> names the LevelMap parameter a LevelRef must point into.
/// </summary>
public sealed class ParameterDefinition
{
    public ParameterDefinition(string name, ParameterKind kind, string description, string? @default = null)
    {
        Name = name;
        Kind = kind;
        Description = description;
        Default = @default;
    }

    public string Name { get; }
    public ParameterKind Kind { get; }
    public string Description { get; }
    public string? Default { get; }
    public long Min { get; set; } = long.MinValue;
    public long Max { get; set; } = long.MaxValue;
    public IReadOnlyList<string> Choices { get; set; } = new string[0];
    public string? LevelSource { get; set; }

    /// <summary>An integer parameter that may not exceed another one (update-bytes ≤ arg-bytes).</summary>
    public string? AtMost { get; set; }

    public bool Required => Default is null;

    public string Expected => Kind switch
    {
        ParameterKind.Integer => $"an integer in {Min}..{Max}",
        ParameterKind.Boolean => "true or false",
        ParameterKind.Choice => "one of " + string.Join(", ", Choices),
        ParameterKind.ChoiceList => "a list of " + string.Join(", ", Choices),
        ParameterKind.Identifier => "an identifier such as POR_EL1",
        ParameterKind.LevelMap => "a mapping of level names to integers 0..15, e.g. { DEFAULT: 0, PGTABLES: 1 }",
        _ => $"a level name declared in '{LevelSource}'",
    };
}
