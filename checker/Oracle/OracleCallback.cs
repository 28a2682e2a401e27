namespace LazyMmuGen.Checker.Oracle;

/// <summary>The oracle's own names for arch callbacks; pause/resume map to leave/enter without distinct ones.</summary>
public enum OracleCallback
{
    Enter,
    Leave,
    Flush,
    Pause,
    Resume,
}
