using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HandlebarsDotNet;
using Microsoft.CodeAnalysis.CSharp;

namespace LazyMmuGen.Generator.Emit;

/// <summary>
/// The embedded templates, compiled once per process: <c>arch.hbs</c>, <c>registry.hbs</c> (not *.cs.hbs: MSBuild would read "cs" as a culture) and one
/// fragment per (mechanism, hook) at <c>mechanisms/NAME/HOOK.hbs</c>. Fragments are also partials, so
/// one fragment can reuse another (<c>{{&gt; [deferred-barriers/flush]}}</c>).
/// </summary>
public sealed class TemplateSet
{
    private const string Prefix = "templates/";
    private const string MechanismPrefix = "mechanisms/";
    private static readonly Lazy<Dictionary<string, string>> Embedded = new(LoadEmbedded);
    private static readonly Lazy<TemplateSet> BuiltinSet = new(() => new TemplateSet(Embedded.Value));

    private readonly Dictionary<string, HandlebarsTemplate<object, object>> fragments = new(StringComparer.Ordinal);

    public TemplateSet(IReadOnlyDictionary<string, string> sources)
    {
        // NoEscape: templates emit C#, not HTML; descriptor text is escaped by CSharpText before it gets here.
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        // {{bool x}} writes a C# literal; plain {{x}} would print .NET's "True".
        handlebars.RegisterHelper("bool", (writer, _, arguments) => writer.WriteSafeString(arguments.Length > 0 && arguments[0] is true ? "true" : "false"));
        foreach (var source in sources.Where(s => s.Key.StartsWith(MechanismPrefix, StringComparison.Ordinal)))
        {
            var key = FragmentKey(source.Key);
            handlebars.RegisterTemplate(key, source.Value);
        }
        foreach (var source in sources.Where(s => s.Key.StartsWith(MechanismPrefix, StringComparison.Ordinal)))
            fragments[FragmentKey(source.Key)] = handlebars.Compile(source.Value);
        Arch = handlebars.Compile(sources["arch.hbs"]);
        Registry = handlebars.Compile(sources["registry.hbs"]);
        Identifiers = new HashSet<string>(sources.Values.SelectMany(IdentifiersIn), StringComparer.Ordinal);
    }

    public static TemplateSet Builtin => BuiltinSet.Value;

    /// <summary>The embedded template texts by logical name, the base that overrides replace.</summary>
    public static IReadOnlyDictionary<string, string> BuiltinSources => Embedded.Value;

    public HandlebarsTemplate<object, object> Arch { get; }

    public HandlebarsTemplate<object, object> Registry { get; }

    /// <summary>
    /// Every identifier the templates' code uses (comments and string literals excluded). A generated type
    /// with one of these names would clash with a member (CS0542), an alias, or shadow a runtime type it uses.
    /// </summary>
    public IReadOnlyCollection<string> Identifiers { get; }

    public HandlebarsTemplate<object, object>? Fragment(string mechanism, string hook) =>
        fragments.TryGetValue(mechanism + "/" + hook, out var template) ? template : null;

    private static IEnumerable<string> IdentifiersIn(string template) =>
        SyntaxFactory.ParseTokens(template)
            .Where(t => t.RawKind == (int)SyntaxKind.IdentifierToken)
            .Select(t => t.ValueText);

    /// <summary>"mechanisms/tlb-batch/leave.hbs" → "tlb-batch/leave".</summary>
    private static string FragmentKey(string resource) =>
        resource.Substring(MechanismPrefix.Length, resource.Length - MechanismPrefix.Length - ".hbs".Length);

    private static Dictionary<string, string> LoadEmbedded()
    {
        var assembly = typeof(TemplateSet).Assembly;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            result[name.Substring(Prefix.Length).Replace('\\', '/')] = reader.ReadToEnd().Replace("\r\n", "\n");
        }
        return result;
    }
}
