using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LazyMmuGen.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;
using Scriban;

namespace LazyMmuGen.Generator.Emit;

/// <summary>
/// The templates, parsed once per set: <c>arch</c>, <c>registry</c> and one fragment per (mechanism, hook) at
/// <c>mechanisms/NAME/HOOK</c> (files <c>templates/arch.scriban</c>, <c>mechanisms/NAME/HOOK.scriban</c>). Logical
/// names carry no extension, so an override names the template it replaces, not a file format. A template
/// that does not parse is left out and reported in <see cref="Problems"/> at its file, line and column.
/// </summary>
public sealed class TemplateSet
{
    public const string Extension = ".scriban";
    public const string ArchName = "arch";
    public const string RegistryName = "registry";
    public const string MechanismPrefix = "mechanisms/";
    private static readonly Lazy<Dictionary<string, TemplateSource>> Embedded = new(LoadEmbedded);
    private static readonly Lazy<TemplateSet> BuiltinSet = new(() => new TemplateSet(Embedded.Value));
    private static readonly Regex ScribanBlocks = new(@"\{\{.*?\}\}", RegexOptions.Singleline);

    private readonly Dictionary<string, Template> parsed = new(StringComparer.Ordinal);

    public TemplateSet(IReadOnlyDictionary<string, TemplateSource> sources)
    {
        var problems = new List<DiagnosticInfo>();
        foreach (var source in sources)
        {
            var template = Template.Parse(source.Value.Text, source.Value.Path);
            if (template.HasErrors) problems.AddRange(template.Messages.Select(m => TemplateErrors.At(source.Key, source.Value, m.Span, m.Message)));
            else parsed[source.Key] = template;
        }
        Sources = sources;
        Problems = problems;
        // Only the C# the templates write counts, not the Scriban inside {{ }} (its 'end', 'for', 'line' are no clash).
        Identifiers = new HashSet<string>(sources.Values.SelectMany(s => IdentifiersIn(ScribanBlocks.Replace(s.Text, " "))), StringComparer.Ordinal);
    }

    public static TemplateSet Builtin => BuiltinSet.Value;

    /// <summary>The embedded template texts by logical name, the base that overrides replace.</summary>
    public static IReadOnlyDictionary<string, TemplateSource> BuiltinSources => Embedded.Value;

    public IReadOnlyDictionary<string, TemplateSource> Sources { get; }

    /// <summary>Parse errors, one per message, at the template's file, line and column.</summary>
    public IReadOnlyList<DiagnosticInfo> Problems { get; }

    /// <summary>
    /// Every identifier the templates' code uses (comments and string literals excluded). A generated type
    /// with one of these names would clash with a member (CS0542), an alias, or shadow a runtime type it uses.
    /// </summary>
    public IReadOnlyCollection<string> Identifiers { get; }

    /// <summary>Every parsed template, by logical name: what an include may name.</summary>
    public IReadOnlyDictionary<string, Template> Parsed => parsed;

    public Template? Get(string logicalName) => parsed.TryGetValue(logicalName, out var template) ? template : null;

    public static string FragmentName(string mechanism, string hook) => MechanismPrefix + mechanism + "/" + hook;

    public Template? Fragment(string mechanism, string hook) => Get(FragmentName(mechanism, hook));

    /// <summary>"arch.scriban" → "arch"; "mechanisms/tlb-batch/leave.hbs" → "mechanisms/tlb-batch/leave" (old names keep working).</summary>
    public static string Normalize(string name)
    {
        name = name.Trim().Replace('\\', '/');
        foreach (var extension in new[] { Extension, ".hbs" })
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return name.Substring(0, name.Length - extension.Length);
        return name;
    }

    private static IEnumerable<string> IdentifiersIn(string code) =>
        SyntaxFactory.ParseTokens(code)
            .Where(t => t.RawKind == (int)SyntaxKind.IdentifierToken)
            .Select(t => t.ValueText);

    private static Dictionary<string, TemplateSource> LoadEmbedded()
    {
        var assembly = typeof(TemplateSet).Assembly;
        var result = new Dictionary<string, TemplateSource>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(Extension, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var logical = Normalize(name.StartsWith("templates/", StringComparison.Ordinal) ? name.Substring("templates/".Length) : name);
            result[logical] = new TemplateSource(reader.ReadToEnd().Replace("\r\n", "\n"), name);
        }
        return result;
    }
}

/// <summary>One template's text and the file it came from (an embedded resource name for built-ins).</summary>
public sealed record TemplateSource(string Text, string Path);
