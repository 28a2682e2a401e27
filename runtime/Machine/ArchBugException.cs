namespace LazyMmuGen.Runtime;

/// <summary>An arch-level fatal assertion (the model's BUG_ON), e.g. a strict enter that was already entered.</summary>
public sealed class ArchBugException(string message) : InvalidOperationException(message);
