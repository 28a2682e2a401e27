using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// Every mechanism a descriptor may name: the built-in definitions (mechanisms/*/mechanism.yaml, embedded), in
/// name order. This is the one home of a mechanism's parameters, claims and phases; validation, templates and
/// the descriptor schema are derived from it.
/// </summary>
public static class MechanismCatalog
{
    public const string DefinitionFile = "mechanism.yaml";
    private static readonly Lazy<(IReadOnlyList<MechanismDefinition> All, IReadOnlyList<DiagnosticInfo> Problems)> Builtin = new(LoadBuiltin);

    public static IReadOnlyList<MechanismDefinition> All => Builtin.Value.All;

    /// <summary>The built-in definitions alone, as the catalog of a compilation without mechanisms of its own.</summary>
    internal static Catalog BuiltinCatalog => BuiltinCatalogLazy.Value;

    private static readonly Lazy<Catalog> BuiltinCatalogLazy = new(() => new Catalog(All));

    /// <summary>LMG0024s in the embedded definitions; empty in every release (a test keeps it so).</summary>
    public static IReadOnlyList<DiagnosticInfo> BuiltinProblems => Builtin.Value.Problems;

    public static MechanismDefinition? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    public static string Names => string.Join(", ", All.Select(m => m.Name));

    private static (IReadOnlyList<MechanismDefinition>, IReadOnlyList<DiagnosticInfo>) LoadBuiltin()
    {
        var assembly = typeof(MechanismCatalog).Assembly;
        var problems = new List<DiagnosticInfo>();
        var definitions = new List<MechanismDefinition>();
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.EndsWith("/" + DefinitionFile, StringComparison.Ordinal))
                     .OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var definition = DefinitionReader.Read(resource, reader.ReadToEnd(), problems, CancellationToken.None);
            if (definition is not null) definitions.Add(definition);
        }
        // Built-ins are checked against each other as a consumer's are against them (a test keeps this empty).
        foreach (var definition in definitions) problems.AddRange(EffectChecks.Problems(definition, definitions.Where(d => d != definition).ToList()));
        return (definitions, problems);
    }
}
