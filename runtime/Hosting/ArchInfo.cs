namespace LazyMmuGen.Runtime;

/// <summary>A registry entry the generator emits for every arch in a compilation.</summary>
public sealed record ArchInfo(
    string Name,
    string TypeName,
    string Summary,
    IReadOnlyList<string> Mechanisms,
    string DescriptorPath,
    bool HasDistinctPauseResume,
    Func<MachineOptions, MachineCore> CreateMachine);
