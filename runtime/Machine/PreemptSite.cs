namespace LazyMmuGen.Runtime;

/// <summary>Points in the generic layer between a counter update and the arch callback it triggers.</summary>
public enum PreemptSite
{
    EnableBeforeEnter,
    DisableBeforeLeave,
    DisableBeforeFlush,
    PauseBeforeLeave,
    ResumeBeforeEnter,
}
