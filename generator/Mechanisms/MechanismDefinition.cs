using System;
using System.Collections.Generic;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// A reusable batching mechanism: its parameters, the resources it claims (two mechanisms claiming one
/// resource cannot compose), and the phase of each hook it contributes a template fragment to.
/// Read from mechanisms/&lt;name&gt;/mechanism.yaml (<see cref="DefinitionReader"/>); the fragment code lives
/// next to it in mechanisms/&lt;name&gt;/&lt;hook&gt;.scriban.
/// </summary>
public sealed class MechanismDefinition
{
    public MechanismDefinition(string name, string summary, IReadOnlyList<ParameterDefinition> parameters,
        Func<MechanismSpec, IEnumerable<string>> resources, IReadOnlyDictionary<string, int>? phases = null,
        bool requiresDistinctPauseResume = false)
    {
        Name = name;
        Summary = summary;
        Parameters = parameters;
        Resources = resources;
        Phases = phases ?? new Dictionary<string, int>();
        RequiresDistinctPauseResume = requiresDistinctPauseResume;
    }

    public string Name { get; }
    public string Summary { get; }
    public IReadOnlyList<ParameterDefinition> Parameters { get; }
    public Func<MechanismSpec, IEnumerable<string>> Resources { get; }
    public IReadOnlyDictionary<string, int> Phases { get; }
    public bool RequiresDistinctPauseResume { get; }

    /// <summary>Which kernel architecture the mechanism comes from, for docs and the schema ("powerpc hash, sparc64").</summary>
    public string Kernel { get; init; } = "";

    /// <summary>The resources as declared, with {parameter} placeholders ("register:{register}").</summary>
    public IReadOnlyList<string> Claims { get; init; } = new string[0];

    /// <summary>Where 'mechanism: NAME' is written, for errors about the name.</summary>
    public LocationInfo? NameLocation { get; init; }

    /// <summary>Where each 'phases' entry's hook is written, for errors about a phase given to a hook it does not fill.</summary>
    public IReadOnlyDictionary<string, LocationInfo> PhaseLocations { get; init; } = new Dictionary<string, LocationInfo>();

    /// <summary>The mechanism.yaml this definition was read from.</summary>
    public string DefinitionPath { get; init; } = "";

    /// <summary>The effect kinds this mechanism declares (their one home), in its own order.</summary>
    public IReadOnlyList<EffectDefinition> DeclaredEffects { get; init; } = new EffectDefinition[0];

    /// <summary>Every kind its fragments and primitive emit: its own and those of other mechanisms it names.</summary>
    public IReadOnlyList<EffectUse> Effects { get; init; } = new EffectUse[0];

    /// <summary>The "batching is real" bound it declares (its 'batching:'), or null when it declares none.</summary>
    public BatchingDefinition? Batching { get; init; }

    /// <summary>True when it declares 'cpu-symmetric: true': CPU numbers are only names to it (docs/checker.md#symmetry).</summary>
    public bool CpuSymmetric { get; init; }

    /// <summary>Its 'store-level:' (page tables writable only with a register at a level), or null.</summary>
    public StoreLevelDefinition? StoreLevel { get; init; }

    public int PhaseOf(string hook) => Phases.TryGetValue(hook, out var phase) ? phase : HookPhase.Setup;
}
