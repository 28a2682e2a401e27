using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LazyMmuGen.Generator.Diagnostics;

/// <summary>The one catalog of LMG diagnostics. Every message says what was found, what was expected, and the fix.</summary>
public static class DiagnosticDescriptors
{
    private const string Category = "LazyMmuGen";
    private const string HelpBase = "https://github.com/lazymmugen/lazymmugen/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor YamlSyntax = Error("LMG0001", "Descriptor is not valid YAML",
        "YAML syntax error: {0} {1}");

    /// <summary>The second LMG0001 argument when the parser's own explanation is all there is.</summary>
    public const string YamlSyntaxGenericFix = "Fix the YAML at this position (indentation, quotes, a missing ':').";

    public static readonly DiagnosticDescriptor WrongShape = Error("LMG0002", "Descriptor node has the wrong shape",
        "Expected {0} here but found {1}.{2}");

    public static readonly DiagnosticDescriptor MissingField = Error("LMG0003", "Required field missing",
        "Required field '{0}' is missing. Add '{0}: {1}'{2}.");

    public static readonly DiagnosticDescriptor UnknownField = Error("LMG0004", "Unknown descriptor field",
        "Unknown field '{0}'.{1} Known fields: {2}.");

    public static readonly DiagnosticDescriptor InvalidArchName = Error("LMG0005", "Invalid arch name",
        "Arch name '{0}' is invalid: {1}.");

    public static readonly DiagnosticDescriptor InvalidTypeName = Error("LMG0006", "Invalid type name",
        "Type name '{0}' is not usable in C#: {1}. {2}");

    /// <summary>The third LMG0006 argument when no corrected name can be suggested.</summary>
    public const string InvalidTypeNameGenericFix = "Use an ASCII identifier such as 'RiscvSfence' that is not a C# keyword.";

    public static readonly DiagnosticDescriptor DuplicateArch = Error("LMG0007", "Duplicate arch",
        "The {0} '{1}' is already defined in '{2}' at line {3} (that path sorts first, so it keeps the name). {4}");

    public static readonly DiagnosticDescriptor UnknownMechanism = Error("LMG0008", "Unknown mechanism",
        "Unknown mechanism '{0}'.{1} Known mechanisms: {2}.");

    public static readonly DiagnosticDescriptor UnknownParameter = Error("LMG0009", "Unknown mechanism parameter",
        "Mechanism '{0}' has no parameter '{1}'.{2} Its parameters: {3}.");

    public static readonly DiagnosticDescriptor ParameterType = Error("LMG0010", "Mechanism parameter has the wrong type",
        "Parameter '{0}' of '{1}' must be {2}, but is {3}.");

    public static readonly DiagnosticDescriptor ParameterRange = Error("LMG0011", "Mechanism parameter out of range",
        "Parameter '{0}' of '{1}' is {2}, outside the allowed range {3}.");

    public static readonly DiagnosticDescriptor MissingParameter = Error("LMG0012", "Required mechanism parameter missing",
        "Mechanism '{0}' needs parameter '{1}': {2} Add it under the mechanism.");

    public static readonly DiagnosticDescriptor ResourceConflict = Error("LMG0013", "Mechanisms conflict",
        "{0} An arch can compose each resource once: drop one of them.");

    public static readonly DiagnosticDescriptor UnsafeText = Error("LMG0014", "Unsafe characters in text",
        "Field '{0}' contains {1}. Remove control, bidirectional-override and line-separator characters.");

    public static readonly DiagnosticDescriptor TooComplex = Error("LMG0015", "Descriptor too large or too deep",
        "The descriptor {0}. Descriptors are small: keep nesting to at most {1} levels, at most 200000 values and at most {2} characters.");

    public static readonly DiagnosticDescriptor PauseResumeConflict = Error("LMG0016", "pause-resume setting conflicts with the mechanisms",
        "'pause-resume: distinct' needs a mechanism: an arch with no mechanisms does not opt in to lazy MMU mode, so it has no pause or resume callback. Add a mechanism or remove 'pause-resume'.");

    public static readonly DiagnosticDescriptor UndeclaredLevel = Error("LMG0017", "Register level not declared",
        "Level '{0}' is not declared in 'levels' of '{1}'.{3} Declared levels: {2}.");

    public static readonly DiagnosticDescriptor UnsupportedYaml = Error("LMG0018", "Unsupported YAML feature",
        "{0} is not supported in descriptors. {1}");

    public static readonly DiagnosticDescriptor DuplicateKey = Error("LMG0019", "Duplicate key",
        "Key '{0}' appears twice in the same mapping. Keep one.");

    public static readonly DiagnosticDescriptor InvalidNamespace = Error("LMG0020", "Invalid LazyMmuNamespace",
        "MSBuild property LazyMmuNamespace '{0}' is not a dotted C# identifier (such as '{1}'). Fix or remove the property.");

    public static readonly DiagnosticDescriptor TemplateError = Error("LMG0021", "Template cannot be rendered",
        "Template '{0}' failed: {1}. Fix the template.");

    public static readonly DiagnosticDescriptor UnknownTemplate = new("LMG0022", "Template override replaces nothing",
        "Template '{0}' is not used: {1}",
        "LazyMmuGen", DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "lmg0022");

    public static readonly DiagnosticDescriptor DuplicateTemplate = Error("LMG0023", "Two overrides for one template",
        "Template '{0}' is overridden by both '{1}' and '{2}'. Keep one.");

    public static readonly DiagnosticDescriptor InvalidMechanismDefinition = Error("LMG0024", "Mechanism definition is not valid",
        "Mechanism definition: {0}. Fix the mechanism.yaml (docs/mechanisms.md describes its fields).");

    public static readonly DiagnosticDescriptor InvalidBatchCapacity = Error("LMG0025", "Invalid LazyMmuBatchCapacity",
        "MSBuild property LazyMmuBatchCapacity '{0}' is not an integer in 1..{1}, so no capacity is lowered. Set it to a small batch size such as 2, or remove it.");

    public static readonly DiagnosticDescriptor BatchCapacityLowered = new("LMG0026", "Batch capacity lowered for checking",
        "LazyMmuBatchCapacity {0}: {1} capacity lowered from {2} to {3} ({4}). This build is for checking the full-batch paths; do not ship it.",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpBase + "lmg0026");

    public static readonly DiagnosticDescriptor InternalError = Error("LMG0099", "Internal generator error",
        "LazyMmuGen failed on this descriptor: {0}. Please report it with the descriptor attached.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        YamlSyntax, WrongShape, MissingField, UnknownField, InvalidArchName, InvalidTypeName, DuplicateArch,
        UnknownMechanism, UnknownParameter, ParameterType, ParameterRange, MissingParameter, ResourceConflict,
        UnsafeText, TooComplex, PauseResumeConflict, UndeclaredLevel, UnsupportedYaml, DuplicateKey,
        InvalidNamespace, TemplateError, UnknownTemplate, DuplicateTemplate, InvalidMechanismDefinition,
        InvalidBatchCapacity, BatchCapacityLowered, InternalError,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> Index = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => Index[id];

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            helpLinkUri: HelpBase + id.ToLowerInvariant());
}
