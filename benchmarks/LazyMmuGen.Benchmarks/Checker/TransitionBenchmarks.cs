using BenchmarkDotNet.Attributes;
using LazyMmuGen.Arches;
using LazyMmuGen.Checker.Explorer;

namespace LazyMmuGen.Benchmarks.Checker;

/// <summary>
/// Where one transition of the explorer's inner loop (ModelChecker.Expand) goes, on one core. Each benchmark does one
/// more part than the one before, in the explorer's order, over the transitions of a fixed
/// <see cref="TransitionSample"/>: the copy of the expanded state into the scratch run, the checked step, the
/// successor's key, the seen-set lookup. A part's cost is the difference of two means (benchmarks/README.md, "Where a
/// transition goes"): what a cheaper copy or key could gain at most, and what it leaves.
/// </summary>
[MemoryDiagnoser]
public class TransitionBenchmarks
{
    private TransitionSample sample = null!;
    private CheckedRun scratch = null!;
    private StateSet seen = null!;

    [Params("arm64", "x86-xen", "powerpc-hash")]
    public string Arch { get; set; } = "arm64";

    [GlobalSetup]
    public void Setup()
    {
        var arch = LazyMmuArchRegistry.Find(Arch) ?? throw new InvalidOperationException($"no arch {Arch}");
        sample = TransitionSample.Of(arch);
        scratch = sample.States[0].Clone();
        // As large as the seen-set of a depth-12 exploration of arm64 (1.4 M states), so a lookup misses the cache as
        // it does there; it holds every sampled successor, as it holds most successors (a state is new once, seen often).
        seen = new StateSet();
        seen.EnsureCapacity(1 << 21);
        var random = new Random(14);
        for (var i = 0; i < (1 << 21) - TransitionSample.Size; i++) seen.Add(new StateKey((ulong)random.NextInt64(), (ulong)random.NextInt64()));
        foreach (var key in sample.Successors) seen.Add(key);
        Console.WriteLine($"// {Arch}: {sample.States.Length} states, {sample.TakenPerState:0.00} transitions each");
    }

    [Benchmark(OperationsPerInvoke = TransitionSample.Size)]
    public void Copy()
    {
        var (states, from) = (sample.States, sample.From);
        for (var i = 0; i < from.Length; i++) scratch.CopyFrom(states[from[i]]);
    }

    /// <summary>The copy and the step without the checks (how a state is stood in from its anchor): with <see cref="CopyAndStep"/>, the checks' share.</summary>
    [Benchmark(OperationsPerInvoke = TransitionSample.Size)]
    public void CopyAndUncheckedStep()
    {
        var (states, from, ops) = (sample.States, sample.From, sample.Ops);
        for (var i = 0; i < from.Length; i++)
        {
            scratch.CopyFrom(states[from[i]]);
            scratch.Step(ops[i], check: false);
        }
    }

    /// <summary>The copy and the step with every check, as the explorer steps a successor.</summary>
    [Benchmark(OperationsPerInvoke = TransitionSample.Size)]
    public int CopyAndStep()
    {
        var (states, from, ops, broken) = (sample.States, sample.From, sample.Ops, 0);
        for (var i = 0; i < from.Length; i++)
        {
            scratch.CopyFrom(states[from[i]]);
            if (scratch.Step(ops[i], check: true) is not null) broken++;
        }
        return broken;
    }

    /// <summary>Then the successor's key under the arch's CPU renamings: the canonical write and its hash.</summary>
    [Benchmark(OperationsPerInvoke = TransitionSample.Size)]
    public ulong CopyStepAndKey()
    {
        var (states, from, ops, mixed) = (sample.States, sample.From, sample.Ops, 0UL);
        for (var i = 0; i < from.Length; i++)
        {
            scratch.CopyFrom(states[from[i]]);
            scratch.Step(ops[i], check: true);
            mixed ^= scratch.StateKey(sample.Renamings).Low;
        }
        return mixed;
    }

    /// <summary>Then the lookup, one at a time (the explorer prefetches a state's successors first): a whole transition.</summary>
    [Benchmark(OperationsPerInvoke = TransitionSample.Size)]
    public int Transition()
    {
        var (states, from, ops, found) = (sample.States, sample.From, sample.Ops, 0);
        for (var i = 0; i < from.Length; i++)
        {
            scratch.CopyFrom(states[from[i]]);
            scratch.Step(ops[i], check: true);
            found += seen.Contains(scratch.StateKey(sample.Renamings)) ? 1 : 0;
        }
        return found;
    }
}
