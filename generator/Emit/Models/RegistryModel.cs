using System.Collections.Generic;

namespace LazyMmuGen.Generator.Emit.Models;

/// <summary>What templates/registry.scriban sees: the namespace, the generator version, and the arches by name.</summary>
public sealed record RegistryModel(string Namespace, string Version, IReadOnlyList<RegistryArchModel> Arches);

/// <summary>
/// One registry entry; <c>*_literal</c> fields are escaped C# literals, <see cref="ExpectedViolation"/> is C# code
/// ("null" or a construction), and the facts (<see cref="CallbacksWithWork"/>, the state fields) are C# string arrays.
/// <see cref="Batching"/> is C# code: an array of the runtime's BatchingBound. <see cref="SourceLiteral"/> is the arch's whole generated file as one escaped literal (ArchInfo.GeneratedSource).
/// </summary>
public sealed record RegistryArchModel(
    string TypeName,
    string NameDoc,
    string NameLiteral,
    string TypeNameLiteral,
    string SummaryLiteral,
    string MechanismLiterals,
    string PathLiteral,
    bool DistinctPauseResume,
    bool HasLazyMmuMode,
    bool TakesEnableRange,
    string ExpectedViolation,
    string CallbacksWithWork,
    string TaskStateFields,
    string CpuStateFields,
    string Effects,
    string Batching,
    bool CpuSymmetric,
    bool GetPteIsPlainRead,
    string SourceLiteral);
