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
        var data = new ListedEffects(definition);
        foreach (var use in definition.Effects) data[use.Name] = "Effects." + Field(use.Name);
        return data;
    }

    /// <summary>A fragment's <c>effect</c>: a kind the definition does not list is an error that says where to list it.</summary>
    private sealed class ListedEffects(MechanismDefinition definition) : ScriptObject
    {
        public override bool TryGetValue(Scriban.TemplateContext? context, Scriban.Parsing.SourceSpan span, string member, out object? value)
        {
            if (base.TryGetValue(context, span, member, out value)) return true;
            var listed = definition.Effects.Select(e => e.Name).ToList();
            throw new Scriban.Syntax.ScriptRuntimeException(span,
                $"effect '{member}' is not in the 'effects:' list of mechanism '{definition.Name}'" +
                (listed.Count == 0 ? ", which lists none" : $" ({string.Join(", ", listed)})") + "." +
                Parsing.Suggestions.DidYouMean(member, listed) +
                $" Declare it there ('- name: {member}' with doc, cycles and source), or list a kind another mechanism declares ('- {member}')");
        }
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
