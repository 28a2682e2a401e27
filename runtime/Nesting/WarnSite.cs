namespace LazyMmuGen.Runtime;

/// <summary>The four VM_WARN_ON_ONCE sites of the final generic layer.</summary>
public enum WarnSite
{
    EnableOverflow,
    DisableUnderflow,
    PauseOverflow,
    ResumeUnderflow,
}
