namespace LazyMmuGen.Runtime;

/// <summary>An operation the machine refuses, e.g. migrating while preemption is disabled.</summary>
public sealed class MachineRuleException(string message) : InvalidOperationException(message);
