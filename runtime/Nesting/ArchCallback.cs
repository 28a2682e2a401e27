namespace LazyMmuGen.Runtime;

public enum ArchCallback
{
    Enter,
    Leave,
    Flush,
    Pause,
    Resume,
}
