using System.Collections.Generic;
using System.Linq;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// A consumer's mechanism definition left out of the catalog because it has errors: a descriptor that names it is
/// told where the definition is and which errors were reported there (a YAML syntax error is LMG0001, a bad
/// definition LMG0024), instead of being told the mechanism is unknown.
/// </summary>
/// <param name="Path">The definition's path (mechanisms/NAME/mechanism.yaml).</param>
/// <param name="Codes">The codes of the errors reported at it, distinct, in ordinal order, e.g. "LMG0001".</param>
public sealed record RejectedDefinition(string Path, string Codes)
{
    /// <summary>The rejection of the definition at <paramref name="path"/> for <paramref name="errors"/>.</summary>
    public static RejectedDefinition Of(string path, IEnumerable<DiagnosticInfo> errors)
    {
        var codes = errors.Select(e => e.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToList();
        return new RejectedDefinition(path, codes.Count == 0 ? "LMG0024" : string.Join(", ", codes));
    }
}
