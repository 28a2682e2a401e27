namespace LazyMmuGen.Generator.Yaml;

public static class DescriptorLimits
{
    /// <summary>Descriptors are a few dozen lines; a megabyte is a mistake or an attack, never an arch.</summary>
    public const int MaxChars = 1_000_000;
}
