using LazyMmuGen.Generator.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMmuGen.Generator.Parsing;

/// <summary>Reads the MSBuild properties the generator honours (made visible by LazyMmuGen's props).</summary>
public static class OptionsReader
{
    public static GeneratorOptions Read(AnalyzerConfigOptions global)
    {
        global.TryGetValue("build_property.LazyMmuNamespace", out var ns);
        global.TryGetValue("build_property.projectdir", out var projectDir);
        ns = string.IsNullOrWhiteSpace(ns) ? GeneratorOptions.DefaultNamespace : ns!.Trim();
        var valid = NameRules.IsDottedIdentifier(ns);
        global.TryGetValue("build_property.LazyMmuBatchCapacity", out var capacityText);
        var (capacity, invalidCapacity) = BatchCapacity(capacityText);
        return new GeneratorOptions(valid ? ns : GeneratorOptions.DefaultNamespace, projectDir ?? "", valid)
        {
            RequestedNamespace = ns,
            BatchCapacity = capacity,
            InvalidBatchCapacity = invalidCapacity,
        };
    }

    /// <summary>LazyMmuBatchCapacity: unset or blank is no scope; anything but 1..255 is reported (LMG0025) and ignored.</summary>
    private static (int? Capacity, string? Invalid) BatchCapacity(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        var trimmed = text!.Trim();
        return int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= 1 && value <= GeneratorOptions.MaxBatchCapacity
            ? (value, null)
            : (null, trimmed);
    }

    /// <summary>Descriptor path as shown in the registry: relative to the project, with '/' separators.</summary>
    public static string RelativePath(string path, string projectDir)
    {
        var normalized = path.Replace('\\', '/');
        var root = projectDir.Replace('\\', '/');
        if (root.Length > 0 && !root.EndsWith("/")) root += "/";
        if (root.Length > 0 && normalized.StartsWith(root, System.StringComparison.Ordinal)) return normalized.Substring(root.Length);
        var slash = normalized.LastIndexOf('/');
        return slash >= 0 ? normalized.Substring(slash + 1) : normalized;
    }
}
