using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace LazyMmuGen.Generator.Parsing;

/// <summary>What names a descriptor may use, so nothing but a checked identifier reaches generated code.</summary>
public static class NameRules
{
    private static readonly Regex ArchName = new(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant);
    private static readonly Regex AsciiIdentifier = new(@"^[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant);
    private static readonly string[] Reserved = { "LazyMmuArchRegistry", "TaskState", "CpuState" };

    /// <summary>
    /// The one arch name the syntax allows that no arch may take: the tool's '--arch all' selects every arch, so an
    /// arch named 'all' could never be selected alone.
    /// </summary>
    public const string ReservedArchName = "all";

    /// <summary>The dashed-name syntax arch, mechanism and parameter names share (an arch name also must not be <see cref="ReservedArchName"/>).</summary>
    public static bool IsValidArchName(string name) => name.Length <= 64 && ArchName.IsMatch(name);

    /// <summary>Null when <paramref name="name"/> is a usable arch name, otherwise why not (LMG0005's reason).</summary>
    public static string? ArchNameProblem(string name)
    {
        if (!IsValidArchName(name))
            return "use lowercase letters, digits and single dashes, starting with a letter, at most 64 characters (e.g. 'riscv-sfence')";
        if (name == ReservedArchName)
            return "'all' is reserved, since the tool's '--arch all' selects every arch; choose a name for what the arch does (e.g. 'riscv-sfence')";
        return null;
    }

    /// <summary>"x86-xen-2025" → "X86Xen2025".</summary>
    public static string ToTypeName(string archName)
    {
        var builder = new StringBuilder();
        foreach (var part in archName.Split('-'))
        {
            if (part.Length == 0) continue;
            builder.Append(char.ToUpperInvariant(part[0])).Append(part.Substring(1));
        }
        return builder.ToString();
    }

    /// <summary>Null when usable as a generated type name, otherwise why not.</summary>
    public static string? TypeNameProblem(string name)
    {
        if (name.Length == 0) return "it is empty";
        if (name.Length > 64) return "it is longer than 64 characters";
        if (!AsciiIdentifier.IsMatch(name)) return "it is not an ASCII C# identifier";
        if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None) return "it is a C# keyword";
        if (SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None) return "it is a contextual C# keyword";
        if (Reserved.Contains(name)) return "the generated code already uses that name";
        if (Reserved.Contains(name, System.StringComparer.OrdinalIgnoreCase)) return "the generated code already uses that name in other case, and file names ignore case";
        return null;
    }

    /// <summary>
    /// <see cref="TypeNameProblem"/>, plus names the built-in templates already use, plus all-lowercase names: the
    /// compiler warns about a type named only with 'a'..'z' (CS8981, such names may become keywords), and a
    /// warning in generated code fails builds that treat warnings as errors. Derived names are PascalCase, so
    /// this only refuses an explicit 'type-name'.
    /// </summary>
    public static string? GeneratedTypeNameProblem(string name) =>
        TypeNameProblem(name)
        ?? (IsLowercaseAscii(name) ? "it has only lowercase ASCII letters, which the compiler warns about (CS8981: such names may become C# keywords)" : null)
        ?? (Emit.TemplateSet.Builtin.Identifiers.Contains(name) ? "the generated code already uses that name" : null);

    /// <summary>The same name with its first letter capitalised ('riscv' → 'Riscv', 'record' → 'Record') when that is a usable type name; otherwise null.</summary>
    public static string? CapitalizedFix(string name)
    {
        if (name.Length == 0 || name[0] < 'a' || name[0] > 'z') return null;
        var capitalized = char.ToUpperInvariant(name[0]) + name.Substring(1);
        return GeneratedTypeNameProblem(capitalized) is null ? capitalized : null;
    }

    private static bool IsLowercaseAscii(string name) => name.Length > 0 && name.All(c => c >= 'a' && c <= 'z');

    public static bool IsIdentifier(string value) => value.Length <= 64 && AsciiIdentifier.IsMatch(value) && TypeNameProblem(value) is null;

    /// <summary>"flush-keys" → "flushKeys", for template data.</summary>
    public static string ToCamel(string dashed)
    {
        var pascal = ToTypeName(dashed);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }

    public static bool IsDottedIdentifier(string value) =>
        value.Length > 0 && value.Split('.').All(IsIdentifier);
}
