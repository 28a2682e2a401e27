namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// Ordering of fragments inside one generated callback when mechanisms compose. Lower runs first;
/// ties keep the descriptor's order. E.g. on leave a register restore (Restore) runs before the
/// barrier flush (Drain), as arm64 kpkeys requires, whatever order the descriptor lists them in.
/// </summary>
public static class HookPhase
{
    public const int Pin = 0;
    public const int Restore = 10;
    public const int Setup = 20;
    public const int Drain = 30;
    public const int Release = 40;
}
