namespace LazyMmuGen.Simulator.Costs;

/// <summary>A cost file that cannot be used: unreadable, not a JSON object, an unknown effect or a bad number.</summary>
public sealed class CostTableException(string message) : Exception(message);
