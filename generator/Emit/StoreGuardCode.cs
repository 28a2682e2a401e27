using System.Globalization;
using System.Linq;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Emit;

/// <summary>
/// The arch type's StoreGuards as C# code: one StoreGuard per mechanism whose definition declares 'store-level:', in
/// descriptor order, with the arch's values as escaped literals. The machine reads them (TArch.StoreGuards) and the
/// registry's facts point at them, so the generated code holds them once.
/// </summary>
public static class StoreGuardCode
{
    public static string Array(ArchSpec spec, Catalog catalog)
    {
        var guards = spec.Mechanisms
            .Select(m => (Spec: m, Definition: catalog.Find(m.Kind)!))
            .Where(m => m.Definition.StoreLevel is not null)
            .Select(m => (m.Definition.Name, Guard: m.Definition.StoreLevel!.For(m.Spec, m.Definition)))
            .Select(g => $"new global::LazyMmuGen.Runtime.StoreGuard({CSharpText.Literal(g.Name)}, {CSharpText.Literal(g.Guard.Register)}, "
                + $"{CSharpText.Literal(g.Guard.LevelName)}, {g.Guard.Level.ToString(CultureInfo.InvariantCulture)}UL)")
            .ToList();
        return "new global::LazyMmuGen.Runtime.StoreGuard[] { " + string.Join(", ", guards) + (guards.Count == 0 ? "}" : " }");
    }
}
