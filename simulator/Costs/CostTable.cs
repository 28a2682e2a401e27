using LazyMmuGen.Runtime;

namespace LazyMmuGen.Simulator.Costs;

/// <summary>Estimated cycles per effect, keyed by the shared effect names (<see cref="EffectNames"/>).</summary>
public sealed class CostTable
{
    private readonly double[] cycles;

    private CostTable(double[] cycles) => this.cycles = cycles;

    /// <summary>
    /// Rough order-of-magnitude cycle costs, not measurements: they rank effects, they do not time a CPU.
    /// Override any of them with <c>--costs FILE</c>.
    /// </summary>
    public static CostTable Default { get; } = new(Defaults());

    public double this[Effect effect] => cycles[(int)effect];

    /// <summary>The cost of a run: the sum over effects of count × cycles.</summary>
    public double Of(EffectCounts counts) => EffectNames.All.Sum(e => counts[e] * cycles[(int)e]);

    /// <summary>A copy with some costs replaced.</summary>
    public CostTable With(IReadOnlyDictionary<Effect, double> overrides)
    {
        var copy = (double[])cycles.Clone();
        foreach (var (effect, value) in overrides) copy[(int)effect] = value;
        return new CostTable(copy);
    }

    public IEnumerable<(string Name, double Cycles)> Entries => EffectNames.All.Select(e => (EffectNames.Of(e), cycles[(int)e]));

    private static double[] Defaults()
    {
        var c = new double[EffectNames.Count];
        c[(int)Effect.Dsb] = 40;              // dsb(ishst): waits until earlier stores are visible to the walker; tens of cycles
        c[(int)Effect.Isb] = 20;              // isb: pipeline flush and refetch, ~10-30 cycles
        c[(int)Effect.TlbFlush] = 200;        // one invalidation call (powerpc tlbiel/tlbie + ptesync, sparc64 TSB + demap)
        c[(int)Effect.TlbFlushEntries] = 40;  // per invalidated entry: hash-table slot or TSB entry
        c[(int)Effect.TlbFlushRange] = 300;   // extra for a range / cross-CPU batch flush (sparc64 cross-call)
        c[(int)Effect.Hypercall] = 1000;      // a PV hypercall: guest → Xen → guest, on the order of 1000 cycles
        c[(int)Effect.Multicall] = 1000;      // one hypercall that carries the whole batch
        c[(int)Effect.MulticallEntries] = 50; // Xen's per-entry dispatch in do_multicall
        c[(int)Effect.RegWrite] = 20;         // msr POR_EL1: a system register write
        c[(int)Effect.Ipte] = 1500;           // IPTE: invalidation with a TLB purge broadcast to every CPU, thousands of cycles
        c[(int)Effect.IpteEntries] = 20;      // each entry of a multi-entry IPTE
        c[(int)Effect.PreemptDisable] = 1;    // a per-CPU counter
        c[(int)Effect.PreemptEnable] = 1;
        c[(int)Effect.ContextSwitch] = 2000;  // direct cost of switching tasks (registers, scheduler, mm)
        c[(int)Effect.PteWrite] = 5;          // the pte store itself; the same in every mode
        c[(int)Effect.MmuUpdate] = 200;       // Xen validating and applying one mmu_update request
        return c;
    }
}
