using System.Collections.Generic;
using System.Linq;
using LazyMmuGen.Generator.Emit.Models;
using LazyMmuGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMmuGen.Generator.Emit;

/// <summary>
/// The facts ArchInfo.Facts publishes, from the rendered fragments per hook (what arch.scriban pastes into each
/// callback): which callbacks do work, the fields the state fragments declare, and the effect kinds it emits.
/// </summary>
public static class FactsOf
{
    public static GeneratedFacts Generated(IReadOnlyDictionary<string, List<string>> hooks, IEnumerable<string> effects)
    {
        bool Has(string hook) => hooks[hook].Count > 0;
        var enter = Has("enter");
        var leave = Has("leave");
        var work = new List<string>();
        void Add(string callback, bool does) { if (does) work.Add(callback); }
        Add("InitTask", Has("init-task"));
        Add("InitCpu", Has("init-cpu"));
        Add("Enter", enter);
        // Without fragments of their own these callbacks call Enter / Leave (arch.scriban).
        Add("EnterWithRange", Has("enter-range") || enter);
        Add("Leave", leave);
        Add("Flush", Has("flush"));
        Add("Pause", Has("pause") || leave);
        Add("Resume", Has("resume") || enter);
        // SetPte always stores and completes the write; GetPte always reads it.
        Add("SetPte", true);
        Add("GetPte", true);
        Add("SwitchOut", Has("switch-out"));
        Add("SwitchIn", Has("switch-in"));
        return new GeneratedFacts(work.ToEquatableArray(), Fields(hooks["task-state"]), Fields(hooks["cpu-state"]), effects.ToEquatableArray());
    }

    /// <summary>
    /// True when the rendered arch type's one GetPte is exactly arch.scriban's page-table read, read from the generated
    /// C# rather than from the hooks, so an overridden arch.scriban whose GetPte does more is not taken for a plain read.
    /// </summary>
    public static bool GetPteIsPlainRead(string source)
    {
        var methods = SyntaxFactory.ParseCompilationUnit(source).DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.Identifier.ValueText == "GetPte").ToList();
        if (methods.Count != 1) return false;
        var read = methods[0].ExpressionBody?.Expression
            ?? (methods[0].Body is { Statements.Count: 1 } body && body.Statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null);
        return read is not null && read.IsEquivalentTo(PlainRead, topLevel: false);
    }

    private static readonly ExpressionSyntax PlainRead = SyntaxFactory.ParseExpression("c.Machine.PageTable.Read(mm, addr)");

    /// <summary>Field names, in declaration order, of the members the state fragments declare.</summary>
    private static EquatableArray<string> Fields(List<string> fragments) =>
        Declarations(fragments).SelectMany(f => f.Declaration.Variables.Select(v => v.Identifier.ValueText)).ToEquatableArray();

    /// <summary>
    /// The instance fields the state fragments declare, in ordinal name order: what arch.scriban's IArchState
    /// members read, one statement per field. A field is plain when its type is a built-in numeric, bool or char
    /// (never null, never a mechanism primitive); any other type, which the generator cannot see into, goes through
    /// ArchStateFields, which decides at run time.
    /// </summary>
    public static List<StateFieldModel> StateFields(List<string> fragments) => Declarations(fragments)
        .Where(f => !f.Modifiers.Any(m => m.IsKind(SyntaxKind.StaticKeyword) || m.IsKind(SyntaxKind.ConstKeyword)))
        .SelectMany(f => f.Declaration.Variables.Select(v => (Name: v.Identifier.ValueText, Member: v.Identifier.Text, Plain: IsPlain(f.Declaration.Type))))
        .OrderBy(f => f.Name, System.StringComparer.Ordinal)
        .Select(f => new StateFieldModel(f.Member, CSharpText.Literal(f.Name + "="), f.Plain))
        .ToList();

    private static IEnumerable<FieldDeclarationSyntax> Declarations(List<string> fragments) =>
        SyntaxFactory.ParseCompilationUnit("struct S {\n" + string.Join("\n", fragments) + "\n}").DescendantNodes().OfType<FieldDeclarationSyntax>();

    private static bool IsPlain(TypeSyntax type) => type is PredefinedTypeSyntax predefined && predefined.Keyword.Kind() is
        SyntaxKind.BoolKeyword or SyntaxKind.CharKeyword or SyntaxKind.ByteKeyword or SyntaxKind.SByteKeyword or
        SyntaxKind.ShortKeyword or SyntaxKind.UShortKeyword or SyntaxKind.IntKeyword or SyntaxKind.UIntKeyword or
        SyntaxKind.LongKeyword or SyntaxKind.ULongKeyword or SyntaxKind.FloatKeyword or SyntaxKind.DoubleKeyword or
        SyntaxKind.DecimalKeyword;
}
