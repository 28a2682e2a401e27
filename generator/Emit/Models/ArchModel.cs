using Scriban.Runtime;

namespace LazyMmuGen.Generator.Emit.Models;

/// <summary>
/// What templates/arch.scriban sees. Text fields are already escaped for where they go (<c>*_literal</c>: a C#
/// string literal, <c>*_doc</c>: XML doc text). <see cref="Hooks"/> holds each hook's rendered fragments in
/// phase order, by hook name with '-' as '_' (<c>hooks.enter_range</c>); an empty list means no mechanism
/// fills it.
/// </summary>
public sealed record ArchModel(
    string Namespace,
    string TypeName,
    string NameLiteral,
    string SummaryDoc,
    string DescriptorDoc,
    string MechanismsDoc,
    bool Distinct,
    bool OptsIn,
    string Version,
    ScriptObject Hooks,
    System.Collections.Generic.IReadOnlyList<EffectModel> Effects);

/// <summary>
/// One effect kind the arch's mechanisms emit: the field of the arch's nested <c>Effects</c> class, and the C#
/// construction of its declaration (escaped literals) from the mechanism.yaml that declares it.
/// </summary>
public sealed record EffectModel(string Field, string Declaration);
