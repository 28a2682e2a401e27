using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Parsing;

/// <summary>
/// Cross-file rule: arch names and type names are unique. The first descriptor in ordinal path order keeps the
/// name; every later one gets LMG0007, at its 'arch' value (or at its 'type-name' value when that is what
/// clashes), with the first descriptor's claim as an additional location. The result is keyed by path so
/// unchanged descriptors stay cached.
/// </summary>
public static class DuplicateFinder
{
    public static EquatableArray<DuplicateInfo> Find(ImmutableArray<ArchIdentity?> identities)
    {
        var result = new List<DuplicateInfo>();
        var names = new Dictionary<string, ArchIdentity>(StringComparer.Ordinal);
        // Hint names (TypeName.g.cs) are compared case-insensitively by Roslyn.
        var types = new Dictionary<string, ArchIdentity>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in identities.Where(i => i is not null).OrderBy(i => i!.Path, StringComparer.Ordinal))
        {
            if (names.TryGetValue(id!.Name, out var first))
            {
                result.Add(new DuplicateInfo(id.Path, Duplicate(id.NameLocation, "arch name", id.Name, first.NameLocation,
                    "Rename this arch (or the other one): arch names are unique in a project.")));
            }
            else if (types.TryGetValue(id.TypeName, out var firstType))
            {
                var fix = id.TypeNameLocation is null
                    ? "Rename this arch, or give it a distinct 'type-name'."
                    : "Choose a different 'type-name' here (or rename the other arch's type).";
                result.Add(new DuplicateInfo(id.Path, Duplicate(id.TypeNameOrigin, "type name", id.TypeName, firstType.TypeNameOrigin, fix)));
            }
            else
            {
                names[id.Name] = id;
                types[id.TypeName] = id;
            }
        }
        return result.ToEquatableArray();
    }

    private static DiagnosticInfo Duplicate(LocationInfo here, string what, string name, LocationInfo first, string fix) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateArch, here, what, name, first.Path, first.Line.ToString(CultureInfo.InvariantCulture), fix)
            with { AdditionalLocations = new[] { first }.ToEquatableArray() };

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
