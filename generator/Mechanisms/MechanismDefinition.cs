using System;
using System.Collections.Generic;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// A reusable batching mechanism: its parameters, the resources it claims (two mechanisms claiming one
/// resource cannot compose), and the phase of each hook it contributes a template fragment to.
/// The fragment code itself lives in templates/mechanisms/&lt;name&gt;/&lt;hook&gt;.hbs.
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

    public int PhaseOf(string hook) => Phases.TryGetValue(hook, out var phase) ? phase : HookPhase.Setup;
}
