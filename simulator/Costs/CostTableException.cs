namespace LazyMmuGen.Simulator.Costs;

/// <summary>
/// A cost file or profile that cannot be used: unreadable, not a JSON object, an unknown entry, a bad number, or an
/// unknown profile name. The message starts with the file (or profile) at fault and says why.
/// </summary>
public sealed class CostTableException(string message) : Exception(message);
