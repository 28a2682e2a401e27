using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// The catalog of a compilation: the built-ins plus the consumer's definitions, read once per distinct set of
/// definition texts. A consumer definition must sit in a folder of its own name (its fragments are found by
/// that folder: mechanisms/NAME/HOOK.scriban), and may not reuse a built-in or another definition's name; each
/// problem is LMG0024 at the definition, and the broken definition is left out.
/// </summary>
public static class CatalogCache
{
    private static readonly LastBuilt<MechanismChoice, (Catalog Catalog, EquatableArray<DiagnosticInfo> Diagnostics)> Cache = new(Build);

    public static (Catalog Catalog, EquatableArray<DiagnosticInfo> Diagnostics) For(MechanismChoice choice) =>
        choice.Definitions.Count == 0 ? (Catalog.Builtin, EquatableArray<DiagnosticInfo>.Empty) : Cache.For(choice);

    /// <summary>"…/mechanisms/svinval-batch/mechanism.yaml" → "svinval-batch": the name its fragments are filed under.</summary>
    public static string FolderName(string path)
    {
        var normalized = path.Replace('\\', '/');
        var end = normalized.LastIndexOf('/');
        if (end <= 0) return "";
        var start = normalized.LastIndexOf('/', end - 1);
        return normalized.Substring(start + 1, end - start - 1);
    }

    public static bool IsDefinition(string path) =>
        path.Replace('\\', '/').EndsWith("/" + MechanismCatalog.DefinitionFile, StringComparison.OrdinalIgnoreCase);

    private static (Catalog, EquatableArray<DiagnosticInfo>) Build(MechanismChoice choice)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var definitions = MechanismCatalog.All.ToList();
        var rejected = new Dictionary<string, RejectedDefinition>(StringComparer.Ordinal);
        foreach (var source in choice.Definitions)
        {
            var own = new List<DiagnosticInfo>();
            var definition = DefinitionReader.Read(source.Path, source.Text, own, CancellationToken.None);
            diagnostics.AddRange(own);
            if (definition is null)
            {
                rejected[FolderName(source.Path)] = RejectedDefinition.Of(source.Path, own);
                continue;
            }
            var folder = FolderName(source.Path);
            var problem = definition.Name != folder
                ? $"mechanism '{definition.Name}' is in folder '{folder}'; its fragments are found by the folder, so name the folder '{definition.Name}' or the mechanism '{folder}'"
                : definitions.FirstOrDefault(d => d.Name == definition.Name) is { } earlier
                    ? (MechanismCatalog.All.Contains(earlier)
                        ? $"mechanism '{definition.Name}' is already defined (it is built in); choose another name"
                        : $"mechanism '{definition.Name}' is already defined by {earlier.DefinitionPath}; give only one of the two folders, or rename one")
                    : null;
            if (problem is not null)
            {
                var invalid = DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMechanismDefinition, definition.NameLocation ?? LocationInfo.FileStart(source.Path), problem);
                diagnostics.Add(invalid);
                rejected[folder] = RejectedDefinition.Of(source.Path, [invalid]);
                continue;
            }
            var effectProblems = EffectChecks.Problems(definition, definitions);
            diagnostics.AddRange(effectProblems);
            if (effectProblems.Count == 0) definitions.Add(definition);
            else rejected[folder] = RejectedDefinition.Of(source.Path, effectProblems);
        }
        return (new Catalog(definitions, rejected), diagnostics.ToEquatableArray());
    }
}
