using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMmuGen.Generator.Emit;

/// <summary>
/// Consumer template overrides: any AdditionalFile ending in .scriban. Its logical name comes from the
/// item metadata <c>LazyMmuTemplate</c> when set, else from the path below a folder named "templates"
/// (".../templates/mechanisms/tlb-batch/leave.scriban"), else the file name ("arch.scriban"), always without
/// the extension ("mechanisms/tlb-batch/leave"), so names written for the Handlebars templates keep working.
/// A file ending in .hbs is reported: it would otherwise be silently ignored since templates became Scriban.
/// </summary>
public static class TemplateOverrides
{
    public const string MetadataKey = "build_metadata.AdditionalFiles.LazyMmuTemplate";

    public static bool IsTemplate(string path) =>
        path.EndsWith(TemplateSet.Extension, StringComparison.OrdinalIgnoreCase) || IsHandlebars(path);

    public static bool IsHandlebars(string path) => path.EndsWith(".hbs", StringComparison.OrdinalIgnoreCase);

    public static string LogicalName(string path, AnalyzerConfigOptions options)
    {
        if (options.TryGetValue(MetadataKey, out var name) && !string.IsNullOrWhiteSpace(name)) return TemplateSet.Normalize(name);
        var normalized = path.Replace('\\', '/');
        var marker = normalized.LastIndexOf("/templates/", StringComparison.OrdinalIgnoreCase);
        if (marker >= 0) return TemplateSet.Normalize(normalized.Substring(marker + "/templates/".Length));
        // A mechanism folder (built-in name: an override; the consumer's own mechanism: its fragments).
        var folder = normalized.LastIndexOf("/" + TemplateSet.MechanismPrefix, StringComparison.OrdinalIgnoreCase);
        if (folder >= 0) return TemplateSet.Normalize(normalized.Substring(folder + 1));
        var slash = normalized.LastIndexOf('/');
        return TemplateSet.Normalize(slash >= 0 ? normalized.Substring(slash + 1) : normalized);
    }

    /// <summary>Overrides that replace nothing (a typo is otherwise silent) and names overridden twice.</summary>
    public static IEnumerable<DiagnosticInfo> Problems(TemplateChoice choice)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var undefined = new HashSet<string>(StringComparer.Ordinal);
        var twiceGiven = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in choice.Overrides)
        {
            if (IsHandlebars(o.Path))
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.TemplateError, LocationInfo.FileStart(o.Path), o.LogicalName,
                    "it is a Handlebars template, and templates are Scriban now. Rename it to .scriban and write it in Scriban (docs/templates.md)");
            else if (choice.IsNewFragment(o.LogicalName))
            {
                var hook = o.LogicalName.Substring(o.LogicalName.LastIndexOf('/') + 1);
                if (!Hooks.All.Contains(hook))
                    yield return DiagnosticInfo.Create(DiagnosticDescriptors.UnknownTemplate, LocationInfo.FileStart(o.Path), o.LogicalName,
                        $"'{hook}' is not a hook, so this fragment of your mechanism fills nothing.{Parsing.Suggestions.DidYouMean(hook, Hooks.All)} Name the file after a hook: {string.Join(", ", Hooks.All)} (docs/templates.md)");
                else if (seen.TryGetValue(o.LogicalName, out var firstNew))
                {
                    // One mechanism folder given twice (a copy beside the original): one error for the folder, at its
                    // first fragment, not one per fragment; its mechanism.yaml's LMG0024 says the same of the definition.
                    var (folder, firstFolder, secondFolder) = (FolderOf(o.LogicalName), FolderOf(firstNew), FolderOf(o.Path));
                    if (firstFolder != secondFolder && twiceGiven.Add(folder + "|" + firstFolder + "|" + secondFolder))
                        yield return DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateTemplate, LocationInfo.FileStart(o.Path), folder + "/", firstFolder + "/", secondFolder + "/");
                    else if (firstFolder == secondFolder)
                        yield return DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateTemplate, LocationInfo.FileStart(o.Path), o.LogicalName, firstNew, o.Path);
                }
                else
                    seen[o.LogicalName] = o.Path;
            }
            else if (UndefinedMechanism(o) is { } folder)
            {
                // One warning per folder: its every fragment has the same cause.
                if (undefined.Add(folder))
                    yield return DiagnosticInfo.Create(DiagnosticDescriptors.UnknownTemplate, LocationInfo.FileStart(o.Path), o.LogicalName,
                        $"{folder}/ has no mechanism.yaml, so its fragments belong to no mechanism. Add {folder}/mechanism.yaml to define it (docs/mechanisms.md)");
            }
            else if (!TemplateSet.BuiltinSources.ContainsKey(o.LogicalName))
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.UnknownTemplate, LocationInfo.FileStart(o.Path), o.LogicalName,
                    $"it matches no built-in template, so it overrides nothing.{Parsing.Suggestions.DidYouMean(o.LogicalName, TemplateSet.BuiltinSources.Keys)} Use a logical name of templates/ or mechanisms/ (e.g. 'mechanisms/tlb-batch/leave') in the LazyMmuTemplate metadata or under a 'templates' folder.");
            else if (seen.TryGetValue(o.LogicalName, out var first))
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateTemplate, LocationInfo.FileStart(o.Path), o.LogicalName, first, o.Path);
            else
                seen[o.LogicalName] = o.Path;
        }
    }

    /// <summary>The folder part of a path or logical name ("a/mechanisms/x/leave.scriban" to "a/mechanisms/x").</summary>
    private static string FolderOf(string path)
    {
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? "" : normalized.Substring(0, slash);
    }

    /// <summary>
    /// "mechanisms/NAME" for a fragment of a folder that is neither a built-in mechanism nor defined (no mechanism.yaml),
    /// else null. Not for a file below templates/ or one whose folder is a near miss of a built-in's (mechanisms/tlb-bach):
    /// those are overrides with a typo, which the did-you-mean of "overrides nothing" answers.
    /// </summary>
    private static string? UndefinedMechanism(TemplateOverride o)
    {
        var logicalName = o.LogicalName;
        if (!logicalName.StartsWith(TemplateSet.MechanismPrefix, StringComparison.Ordinal)) return null;
        if (o.Path.Replace('\\', '/').Contains("/templates/")) return null;
        var slash = logicalName.LastIndexOf('/');
        if (slash <= TemplateSet.MechanismPrefix.Length) return null;
        var folder = logicalName.Substring(0, slash);
        if (TemplateSet.BuiltinSources.Keys.Any(k => k.StartsWith(folder + "/", StringComparison.Ordinal))) return null;
        var builtinFolders = TemplateSet.BuiltinSources.Keys.Where(k => k.StartsWith(TemplateSet.MechanismPrefix, StringComparison.Ordinal))
            .Select(k => k.Substring(0, k.LastIndexOf('/'))).Distinct();
        return Parsing.Suggestions.Closest(folder, builtinFolders) is null ? folder : null;
    }

    public static TemplateChoice Choose(ImmutableArray<TemplateOverride> overrides, MechanismChoice mechanisms) =>
        overrides.IsDefaultOrEmpty && mechanisms.Definitions.Count == 0
            ? TemplateChoice.BuiltinOnly
            : new TemplateChoice(
                overrides.OrderBy(o => o.LogicalName, StringComparer.Ordinal).ThenBy(o => o.Path, StringComparer.Ordinal).ToEquatableArray(),
                mechanisms.Definitions.Select(d => Mechanisms.CatalogCache.FolderName(d.Path)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());
}
