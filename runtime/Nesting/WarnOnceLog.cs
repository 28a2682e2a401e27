namespace LazyMmuGen.Runtime;

/// <summary>Warn-once bookkeeping per site and machine, as VM_WARN_ON_ONCE behaves per boot.</summary>
/// <param name="policy">Warn once and go on, or throw (<see cref="MisusePolicy.Strict"/>).</param>
/// <param name="record">False to keep no <see cref="Emitted"/> text (benchmarks); occurrences are still counted.</param>
public sealed class WarnOnceLog(MisusePolicy policy, bool record)
{
    private static readonly int Sites = Enum.GetValues<WarnSite>().Length;
    private readonly bool[] fired = new bool[Sites];
    // Made at the first warning: a model checker's stored copies of a machine carry none.
    private List<string>? emitted;

    /// <summary>Warnings printed since the last <see cref="ClearEmitted"/>: first occurrences only.</summary>
    public IReadOnlyList<string> Emitted => (IReadOnlyList<string>?)emitted ?? [];

    /// <summary>Every misuse, including the ones warn-once kept quiet.</summary>
    public int Occurrences { get; private set; }

    /// <summary>True once <paramref name="site"/> has fired on this machine (the warn-once flag; it is never cleared).</summary>
    /// <param name="site">A warning site.</param>
    public bool HasFired(WarnSite site) => fired[(int)site];

    /// <summary>The sites that fired, bit <c>(int)site</c> set for each: one number to compare before and after an op.</summary>
    public int FiredMask
    {
        get
        {
            var mask = 0;
            for (var i = 0; i < fired.Length; i++) mask |= fired[i] ? 1 << i : 0;
            return mask;
        }
    }

    internal void CopyFrom(WarnOnceLog source)
    {
        source.fired.AsSpan().CopyTo(fired);
        Occurrences = source.Occurrences;
    }

    /// <summary>The warning text for a site, e.g. "lazy_mmu_mode_disable: enable_count == 0, wraps to 255".</summary>
    /// <param name="site">A warning site.</param>
    public static string Message(WarnSite site) => site switch
    {
        WarnSite.EnableOverflow => "lazy_mmu_mode_enable: enable_count == 255, wraps to 0",
        WarnSite.DisableUnderflow => "lazy_mmu_mode_disable: enable_count == 0, wraps to 255",
        WarnSite.PauseOverflow => "lazy_mmu_mode_pause: pause_count == 255, wraps to 0",
        WarnSite.ResumeUnderflow => "lazy_mmu_mode_resume: pause_count == 0, wraps to 255",
        WarnSite.V3EnableWhilePaused => "lazy_mmu_mode_enable: called while paused (v3)",
        WarnSite.V3NestedPause => "lazy_mmu_mode_pause: already paused (v3)",
        _ => "lazy_mmu_mode_resume: not paused (v3)",
    };

    /// <summary>Reports a misuse; throws under the strict policy before the caller changes any state.</summary>
    /// <param name="site">The site that detected the misuse.</param>
    /// <exception cref="LazyMmuMisuseException">Under <see cref="MisusePolicy.Strict"/>.</exception>
    public void Fire(WarnSite site)
    {
        if (policy == MisusePolicy.Strict)
            throw new LazyMmuMisuseException(site, $"refused under strict policy: {Message(site)}");
        Occurrences++;
        if (fired[(int)site]) return;
        fired[(int)site] = true;
        if (record) (emitted ??= []).Add(Message(site));
    }

    /// <summary>Forgets the warnings printed so far (the trace runner calls it before each op); the fired flags stay.</summary>
    public void ClearEmitted() => emitted?.Clear();
}
