using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Parsing;

/// <summary>
/// Cross-file rule: arch names and type names are unique. The first descriptor in path order keeps the
/// name; later ones get LMG0007. The result is keyed by path so unchanged descriptors stay cached.
/// </summary>
public static class DuplicateFinder
{
    public static EquatableArray<DuplicateInfo> Find(ImmutableArray<ArchIdentity?> identities)
    {
        var result = new List<DuplicateInfo>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        // Hint names (TypeName.g.cs) are compared case-insensitively by Roslyn.
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in identities.Where(i => i is not null).OrderBy(i => i!.Path, StringComparer.Ordinal))
        {
            if (names.TryGetValue(id!.Name, out var first))
                result.Add(new DuplicateInfo(id.Path, DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateArch, id.NameLocation, "arch name", id.Name, first)));
            else if (types.TryGetValue(id.TypeName, out var firstType))
                result.Add(new DuplicateInfo(id.Path, DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateArch, id.NameLocation, "type name", id.TypeName, firstType)));
            else
            {
                names[id.Name] = id.Path;
                types[id.TypeName] = id.Path;
            }
        }
        return result.ToEquatableArray();
    }

    /// <summary>
    /// The duplicate reported for this path, or null. <see cref="Find"/> lists duplicates in ordinal path
    /// order, so this is a binary search: every descriptor looks itself up, and a linear scan would make
    /// many duplicated descriptors quadratic.
    /// </summary>
    public static DuplicateInfo? For(EquatableArray<DuplicateInfo> duplicates, string path)
    {
        int low = 0, high = duplicates.Count - 1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var order = string.CompareOrdinal(duplicates[middle].Path, path);
            if (order == 0) return duplicates[middle];
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return null;
    }
}

public sealed record DuplicateInfo(string Path, DiagnosticInfo Diagnostic);
