namespace LazyMmuGen.Runtime;

public enum PteKind
{
    Kernel,
    User,
}
