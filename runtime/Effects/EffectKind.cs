namespace LazyMmuGen.Runtime;

/// <summary>
/// One kind of side effect the machine counts (<c>dsb</c>, <c>tlb_flush</c>, ...). There is no central list: a
/// mechanism declares its kinds in its <c>mechanism.yaml</c>, the generator emits a <see cref="Declare"/> for each
/// into the arch that uses it, and runtime code that emits a kind names it (<see cref="Named"/>). A kind is an index
/// into the counters, so counting one is an array increment.
/// </summary>
public readonly record struct EffectKind
{
    internal EffectKind(int index) => Index = index;

    /// <summary>Where this kind's counter lives in an <see cref="EffectLog"/>.</summary>
    internal int Index { get; }

    /// <summary>The snake_case counter name, e.g. <c>tlb_flush</c>.</summary>
    public string Name => EffectRegistry.NameOf(Index);

    /// <summary>What the owner declared about the kind, or null while only named (see <see cref="Named"/>).</summary>
    public EffectDeclaration? Declaration => EffectRegistry.DeclarationOf(Index);

    /// <summary>The kind with this counter name: the same kind for the same name, declared or not (yet).</summary>
    /// <param name="name">A snake_case counter name such as "dsb".</param>
    public static EffectKind Named(string name) => new(EffectRegistry.Intern(name));

    /// <summary>
    /// Declares a kind (the generated code of an arch does, from its mechanisms' definitions). Declaring one name
    /// twice keeps the first declaration: every arch built from the same definition declares the same thing.
    /// </summary>
    /// <param name="declaration">The kind's name, owner, summary and default cost.</param>
    public static EffectKind Declare(EffectDeclaration declaration) => new(EffectRegistry.Declare(declaration));

    /// <summary>The kind a counter name names, if any code has named or declared it.</summary>
    /// <param name="name">A snake_case counter name.</param>
    /// <param name="kind">The kind, or default.</param>
    public static bool TryFind(string name, out EffectKind kind)
    {
        var found = EffectRegistry.Find(name);
        kind = new EffectKind(Math.Max(found, 0));
        return found >= 0;
    }

    /// <summary>
    /// Kinds code has named but no arch has declared, by name: usually a typo in a runtime primitive
    /// (<c>EffectKind.Named("sfence_w_invl")</c>), which output would show and a cost profile would price at 0.
    /// </summary>
    public static IReadOnlyList<EffectKind> Undeclared =>
        Enumerable.Range(0, EffectRegistry.Count).Select(i => new EffectKind(i)).Where(k => k.Declaration is null).OrderBy(k => k.Name, StringComparer.Ordinal).ToList();

    /// <summary>Every declared kind in output order: mechanisms' kinds by owner name and position, then the machine's.</summary>
    public static IReadOnlyList<EffectKind> Declared => EffectRegistry.Declared();

    /// <inheritdoc/>
    public override string ToString() => Name;
}
