namespace LazyMmuGen.Runtime;

/// <summary>
/// The process-wide table of effect kinds: names interned to counter indexes, and the declarations arches bring.
/// Arches load at any time (an external arch assembly, a later registry), so it grows; readers see immutable copies.
/// </summary>
internal static class EffectRegistry
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, int> Indexes = new(StringComparer.Ordinal);
    private static string[] names = [];
    private static EffectDeclaration?[] declarations = [];
    private static EffectKind[]? declaredInOrder;

    static EffectRegistry()
    {
        foreach (var declaration in MachineEffects.Declarations) Declare(declaration);
    }

    /// <summary>How many kinds exist now: the size a new counter array needs.</summary>
    public static int Count => Volatile.Read(ref names).Length;

    public static string NameOf(int index) => Volatile.Read(ref names)[index];

    public static EffectDeclaration? DeclarationOf(int index)
    {
        var current = Volatile.Read(ref declarations);
        return index < current.Length ? current[index] : null;
    }

    public static int Find(string name)
    {
        lock (Gate) return Indexes.TryGetValue(name, out var index) ? index : -1;
    }

    public static int Intern(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (Gate)
        {
            if (Indexes.TryGetValue(name, out var index)) return index;
            index = names.Length;
            Indexes[name] = index;
            Volatile.Write(ref declarations, [.. declarations, null]);
            Volatile.Write(ref names, [.. names, name]);
            return index;
        }
    }

    public static int Declare(EffectDeclaration declaration)
    {
        lock (Gate)
        {
            var index = Intern(declaration.Name);
            if (declarations[index] is not null) return index;
            var copy = (EffectDeclaration?[])declarations.Clone();
            copy[index] = declaration;
            Volatile.Write(ref declarations, copy);
            declaredInOrder = null;
            return index;
        }
    }

    public static IReadOnlyList<EffectKind> Declared()
    {
        lock (Gate)
        {
            return declaredInOrder ??= Enumerable.Range(0, names.Length)
                .Where(i => declarations[i] is not null)
                .OrderBy(i => declarations[i]!.Owner == MachineEffects.Owner ? 1 : 0)
                .ThenBy(i => declarations[i]!.Owner, StringComparer.Ordinal)
                .ThenBy(i => declarations[i]!.Position)
                .Select(i => new EffectKind(i))
                .ToArray();
        }
    }

    /// <summary>Every kind in output order: the declared ones, then any only named, by name.</summary>
    public static IReadOnlyList<EffectKind> InOutputOrder()
    {
        var declared = Declared();
        var count = Count;
        if (declared.Count == count) return declared;
        var rest = Enumerable.Range(0, count).Where(i => DeclarationOf(i) is null).OrderBy(NameOf, StringComparer.Ordinal).Select(i => new EffectKind(i));
        return [.. declared, .. rest];
    }
}
