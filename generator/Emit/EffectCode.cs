using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LazyMmuGen.Generator.Emit.Models;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;
using Scriban.Runtime;

namespace LazyMmuGen.Generator.Emit;

/// <summary>
/// The C# of effect kinds: each arch declares the kinds its mechanisms emit in a nested <c>Effects</c> class
/// (one field per kind, initialised with its declaration), and fragments name them as <c>effect.NAME</c>.
/// </summary>
public static class EffectCode
{
    /// <summary>"tlb_flush" → "TlbFlush": the field name of a kind.</summary>
    public static string Field(string name) =>
        string.Concat(name.Split('_').Select(part => part.Length == 0 ? "" : char.ToUpperInvariant(part[0]) + part.Substring(1)));

    /// <summary>What a fragment of <paramref name="definition"/> sees as <c>effect</c>: the kinds its definition lists.</summary>
    public static ScriptObject ForFragment(MechanismDefinition definition)
    {
        var data = new ScriptObject();
        foreach (var use in definition.Effects) data[use.Name] = "Effects." + Field(use.Name);
        return data;
    }

    /// <summary>Every kind the arch's mechanisms emit, in output order (by declaring mechanism, then its own order).</summary>
    public static List<EffectDefinition> Emitted(ArchSpec spec, Catalog catalog) => spec.Mechanisms
        .SelectMany(m => catalog.Find(m.Kind)!.Effects)
        .Select(u => catalog.FindEffect(u.Name))
        .Where(e => e is not null)
        .Select(e => e!)
        .Distinct()
        .OrderBy(e => e.Owner, System.StringComparer.Ordinal).ThenBy(e => e.Position)
        .ToList();

    public static EffectModel Model(EffectDefinition e) => new(Field(e.Name),
        "new global::LazyMmuGen.Runtime.EffectDeclaration(" + string.Join(", ",
            CSharpText.Literal(e.Name), CSharpText.Literal(e.Owner), e.Position.ToString(CultureInfo.InvariantCulture),
            CSharpText.Literal(e.Summary), e.Cycles.ToString("R", CultureInfo.InvariantCulture), CSharpText.Literal(e.CostSource)) + ")");
}
