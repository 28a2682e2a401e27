using System;
using System.Collections.Generic;
using System.Linq;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// The mechanisms one compilation may name: the built-ins plus the consumer's own definitions, in name order.
/// Descriptor validation, rendering and the templates' <c>arch.NAME</c> flags all read this one list.
/// </summary>
public sealed class Catalog
{
    private readonly Dictionary<string, MechanismDefinition> byName;

    public Catalog(IEnumerable<MechanismDefinition> definitions, IReadOnlyDictionary<string, RejectedDefinition>? rejected = null)
    {
        Rejected = rejected ?? new Dictionary<string, RejectedDefinition>();
        All = definitions.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        byName = All.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    public static Catalog Builtin => MechanismCatalog.BuiltinCatalog;

    public IReadOnlyList<MechanismDefinition> All { get; }

    /// <summary>Consumer definitions left out because they have errors: folder name → the definition and its errors' codes.</summary>
    public IReadOnlyDictionary<string, RejectedDefinition> Rejected { get; }

    public MechanismDefinition? Find(string name) => byName.TryGetValue(name, out var d) ? d : null;

    /// <summary>The declaration of an effect kind, by counter name, or null.</summary>
    public EffectDefinition? FindEffect(string name) =>
        All.SelectMany(d => d.DeclaredEffects).FirstOrDefault(e => e.Name == name);

    public string Names => string.Join(", ", All.Select(m => m.Name));
}
