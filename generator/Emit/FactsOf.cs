using System.Collections.Generic;
using System.Linq;
using LazyMmuGen.Generator.Model;
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

    /// <summary>Field names, in declaration order, of the members the state fragments declare.</summary>
    private static EquatableArray<string> Fields(List<string> fragments)
    {
        var unit = SyntaxFactory.ParseCompilationUnit("struct S {\n" + string.Join("\n", fragments) + "\n}");
        return unit.DescendantNodes().OfType<FieldDeclarationSyntax>()
            .SelectMany(f => f.Declaration.Variables.Select(v => v.Identifier.ValueText))
            .ToEquatableArray();
    }
}
