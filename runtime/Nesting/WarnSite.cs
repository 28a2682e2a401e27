namespace LazyMmuGen.Runtime;

/// <summary>The four VM_WARN_ON_ONCE sites of the final generic layer.</summary>
public enum WarnSite
{
    EnableOverflow,
    DisableUnderflow,
    PauseOverflow,
    ResumeUnderflow,

    /// <summary>Seed v3 only: enable() while paused warns and goes on.</summary>
    V3EnableWhilePaused,

    /// <summary>Seed v3 only: pause() while already paused (pause does not nest).</summary>
    V3NestedPause,

    /// <summary>Seed v3 only: resume() while not paused.</summary>
    V3ResumeWithoutPause,
}
