namespace LazyMmuGen.Runtime;

/// <summary>
/// A registry entry the generator emits for every arch in a compilation. <see cref="TakesEnableRange"/>
/// is true when a mechanism of the arch uses the range of enable_with_ptes(), so tools decide from the
/// generated arch, not from mechanism names. <see cref="HasLazyMmuMode"/> is false for an arch with no
/// mechanisms: it does not opt in and gets the kernel's empty stubs. <see cref="ExpectedViolation"/> is the
/// violation the descriptor declares the arch is kept to show (its 'expected-violation:'), or null when it
/// is expected to pass the checker.
/// </summary>
public sealed record ArchInfo(
    string Name,
    string TypeName,
    string Summary,
    IReadOnlyList<string> Mechanisms,
    string DescriptorPath,
    bool HasDistinctPauseResume,
    bool HasLazyMmuMode,
    bool TakesEnableRange,
    ExpectedViolation? ExpectedViolation,
    Func<MachineOptions, MachineCore> CreateMachine)
{
    /// <summary>What the generator published about the generated code: callbacks that do work, state fields.</summary>
    public ArchFacts Facts { get; init; } = ArchFacts.None;

    /// <summary>
    /// The arch's generated C# file (<c>TypeName.g.cs</c>), character for character as the generator added it to
    /// the compilation, so a test project without the generator in process can snapshot it
    /// (LazyMmuGen.Testing's <c>ArchSnapshots</c>). Null when the registry was rendered by a template override
    /// that does not set it.
    /// </summary>
    public string? GeneratedSource { get; init; }
}
