using Scriban.Runtime;

namespace LazyMmuGen.Generator.Emit.Models;

/// <summary>
/// What templates/arch.scriban sees. Text fields are already escaped for where they go (<c>*_literal</c>: a C#
/// string literal, <c>*_doc</c>: XML doc text). <see cref="Hooks"/> holds each hook's rendered fragments in
/// phase order, by hook name with '-' as '_' (<c>hooks.enter_range</c>); an empty list means no mechanism
/// fills it. <see cref="TaskStateFields"/> and <see cref="CpuStateFields"/> are the instance fields the state
/// fragments declare, in ordinal name order, for the state structs' IArchState members.
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
    System.Collections.Generic.IReadOnlyList<EffectModel> Effects,
    System.Collections.Generic.IReadOnlyList<StateFieldModel> TaskStateFields,
    System.Collections.Generic.IReadOnlyList<StateFieldModel> CpuStateFields,
    string StoreGuards);

/// <summary>
/// One effect kind the arch's mechanisms emit: the field of the arch's nested <c>Effects</c> class, and the C#
/// construction of its declaration (escaped literals) from the mechanism.yaml that declares it.
/// </summary>
public sealed record EffectModel(string Field, string Declaration);

/// <summary>
/// One instance field of a state struct: <see cref="Member"/> is its identifier as C# code (with its <c>@</c>, if
/// any), <see cref="LabelLiteral"/> the C# literal of its fingerprint label (<c>"NAME="</c>), and <see cref="Plain"/>
/// whether its type is a built-in numeric, bool or char, appended directly; any other field goes through
/// ArchStateFields.
/// </summary>
public sealed record StateFieldModel(string Member, string LabelLiteral, bool Plain);
