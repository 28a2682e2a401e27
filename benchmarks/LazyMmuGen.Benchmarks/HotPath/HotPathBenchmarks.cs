using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LazyMmuGen.Arches;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Benchmarks.HotPath;

/// <summary>The four hot-path scenarios; also the benchmark categories.</summary>
public static class Scenario
{
    /// <summary>enable(); disable(): one outermost section, enter and leave.</summary>
    public const string EnableDisable = nameof(EnableDisable);

    /// <summary>enable(); enable(); disable(); disable(): the inner disable flushes, the outer one leaves.</summary>
    public const string Nested = nameof(Nested);

    /// <summary>enable(); 64 x set_pte (valid kernel ptes, mm 1, consecutive pages); disable().</summary>
    public const string Section64 = nameof(Section64);

    /// <summary>pause(); resume() inside a section that the setup opened.</summary>
    public const string PauseResume = nameof(PauseResume);

    public static readonly string[] All = [EnableDisable, Nested, Section64, PauseResume];
}

/// <summary>The three implementations compared; benchmark methods are named <c>{Impl}_{Scenario}</c>.</summary>
public static class Impl
{
    public const string Generated = nameof(Generated);
    public const string HandWritten = nameof(HandWritten);
    public const string Virtual = nameof(Virtual);
}

/// <summary>
/// One arch, three implementations, four scenarios, in one run. Generated and hand-written arches run
/// under the real generic layer (<see cref="LazyMmu{TArch,TTask,TCpu}"/>, called directly, as
/// Machine's own API would after its revision switch); the plugin runs under its non-generic copy.
/// Every machine has <c>Record = false</c> (no callback log), as the hot path is meant to be used.
/// The hand-written baseline is the Ratio column's baseline in each category.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public abstract class HotPathBenchmarks<TGen, TGenTask, TGenCpu, THand, THandTask, THandCpu>
    where TGen : struct, ILazyMmuArch<TGen, TGenTask, TGenCpu>
    where TGenTask : struct, IArchState<TGenTask>
    where TGenCpu : struct, IArchState<TGenCpu>
    where THand : struct, ILazyMmuArch<THand, THandTask, THandCpu>
    where THandTask : struct, IArchState<THandTask>
    where THandCpu : struct, IArchState<THandCpu>
{
    public const int Writes = 64;

    public static readonly MachineOptions Options = new() { Record = false };

    private readonly PteWrite[] writes = CreateWrites();
    private Machine<TGen, TGenTask, TGenCpu> generated = null!;
    private Machine<THand, THandTask, THandCpu> hand = null!;
    private PluginMachine plugin = null!;

    protected abstract LazyMmuPlugin CreatePlugin(MachineOptions options);

    [GlobalSetup(Targets = new[]
    {
        nameof(HandWritten_EnableDisable), nameof(Generated_EnableDisable), nameof(Virtual_EnableDisable),
        nameof(HandWritten_Nested), nameof(Generated_Nested), nameof(Virtual_Nested),
        nameof(HandWritten_Section64), nameof(Generated_Section64), nameof(Virtual_Section64),
    })]
    public void Setup()
    {
        CheckEquivalence();
        CreateMachines(inSection: false);
    }

    [GlobalSetup(Targets = new[] { nameof(HandWritten_PauseResume), nameof(Generated_PauseResume), nameof(Virtual_PauseResume) })]
    public void SetupInSection()
    {
        CheckEquivalence();
        CreateMachines(inSection: true);
    }

    // ---- enable/disable pair ----

    [Benchmark(Baseline = true), BenchmarkCategory(Scenario.EnableDisable)]
    public void HandWritten_EnableDisable()
    {
        var m = hand;
        LazyMmu<THand, THandTask, THandCpu>.Enable(m);
        LazyMmu<THand, THandTask, THandCpu>.Disable(m);
    }

    [Benchmark, BenchmarkCategory(Scenario.EnableDisable)]
    public void Generated_EnableDisable()
    {
        var m = generated;
        LazyMmu<TGen, TGenTask, TGenCpu>.Enable(m);
        LazyMmu<TGen, TGenTask, TGenCpu>.Disable(m);
    }

    [Benchmark, BenchmarkCategory(Scenario.EnableDisable)]
    public void Virtual_EnableDisable()
    {
        var m = plugin;
        PluginLazyMmu.Enable(m);
        PluginLazyMmu.Disable(m);
    }

    // ---- nested pair ----

    [Benchmark(Baseline = true), BenchmarkCategory(Scenario.Nested)]
    public void HandWritten_Nested()
    {
        var m = hand;
        LazyMmu<THand, THandTask, THandCpu>.Enable(m);
        LazyMmu<THand, THandTask, THandCpu>.Enable(m);
        LazyMmu<THand, THandTask, THandCpu>.Disable(m);
        LazyMmu<THand, THandTask, THandCpu>.Disable(m);
    }

    [Benchmark, BenchmarkCategory(Scenario.Nested)]
    public void Generated_Nested()
    {
        var m = generated;
        LazyMmu<TGen, TGenTask, TGenCpu>.Enable(m);
        LazyMmu<TGen, TGenTask, TGenCpu>.Enable(m);
        LazyMmu<TGen, TGenTask, TGenCpu>.Disable(m);
        LazyMmu<TGen, TGenTask, TGenCpu>.Disable(m);
    }

    [Benchmark, BenchmarkCategory(Scenario.Nested)]
    public void Virtual_Nested()
    {
        var m = plugin;
        PluginLazyMmu.Enable(m);
        PluginLazyMmu.Enable(m);
        PluginLazyMmu.Disable(m);
        PluginLazyMmu.Disable(m);
    }

    // ---- a section with 64 pte writes ----

    [Benchmark(Baseline = true), BenchmarkCategory(Scenario.Section64)]
    public void HandWritten_Section64()
    {
        var m = hand;
        var w = writes;
        LazyMmu<THand, THandTask, THandCpu>.Enable(m);
        for (var i = 0; i < w.Length; i++) LazyMmu<THand, THandTask, THandCpu>.SetPte(m, in w[i]);
        LazyMmu<THand, THandTask, THandCpu>.Disable(m);
    }

    [Benchmark, BenchmarkCategory(Scenario.Section64)]
    public void Generated_Section64()
    {
        var m = generated;
        var w = writes;
        LazyMmu<TGen, TGenTask, TGenCpu>.Enable(m);
        for (var i = 0; i < w.Length; i++) LazyMmu<TGen, TGenTask, TGenCpu>.SetPte(m, in w[i]);
        LazyMmu<TGen, TGenTask, TGenCpu>.Disable(m);
    }

    [Benchmark, BenchmarkCategory(Scenario.Section64)]
    public void Virtual_Section64()
    {
        var m = plugin;
        var w = writes;
        PluginLazyMmu.Enable(m);
        for (var i = 0; i < w.Length; i++) PluginLazyMmu.SetPte(m, in w[i]);
        PluginLazyMmu.Disable(m);
    }

    // ---- pause/resume inside a section ----

    [Benchmark(Baseline = true), BenchmarkCategory(Scenario.PauseResume)]
    public void HandWritten_PauseResume()
    {
        var m = hand;
        LazyMmu<THand, THandTask, THandCpu>.Pause(m);
        LazyMmu<THand, THandTask, THandCpu>.Resume(m);
    }

    [Benchmark, BenchmarkCategory(Scenario.PauseResume)]
    public void Generated_PauseResume()
    {
        var m = generated;
        LazyMmu<TGen, TGenTask, TGenCpu>.Pause(m);
        LazyMmu<TGen, TGenTask, TGenCpu>.Resume(m);
    }

    [Benchmark, BenchmarkCategory(Scenario.PauseResume)]
    public void Virtual_PauseResume()
    {
        var m = plugin;
        PluginLazyMmu.Pause(m);
        PluginLazyMmu.Resume(m);
    }

    private void CreateMachines(bool inSection)
    {
        generated = new Machine<TGen, TGenTask, TGenCpu>(Options);
        hand = new Machine<THand, THandTask, THandCpu>(Options);
        plugin = new PluginMachine(CreatePlugin(Options), Options);
        if (!inSection) return;
        LazyMmu<TGen, TGenTask, TGenCpu>.Enable(generated);
        LazyMmu<THand, THandTask, THandCpu>.Enable(hand);
        PluginLazyMmu.Enable(plugin);
    }

    /// <summary>
    /// The three implementations must be the same logic: each scenario, run three times on fresh machines,
    /// leaves the same effect counters, pending writes, page table, counters and preemption state.
    /// </summary>
    public void CheckEquivalence()
    {
        var scenarios = new (string Name, bool InSection, Action Hand, Action Generated, Action Virtual)[]
        {
            (Scenario.EnableDisable, false, HandWritten_EnableDisable, Generated_EnableDisable, Virtual_EnableDisable),
            (Scenario.Nested, false, HandWritten_Nested, Generated_Nested, Virtual_Nested),
            (Scenario.Section64, false, HandWritten_Section64, Generated_Section64, Virtual_Section64),
            (Scenario.PauseResume, true, HandWritten_PauseResume, Generated_PauseResume, Virtual_PauseResume),
        };
        foreach (var scenario in scenarios)
        {
            CreateMachines(scenario.InSection);
            for (var i = 0; i < 3; i++)
            {
                scenario.Hand();
                scenario.Generated();
                scenario.Virtual();
            }
            var expected = Describe(hand);
            foreach (var (impl, actual) in new[] { (Impl.Generated, Describe(generated)), (Impl.Virtual, Describe(plugin.Machine)) })
            {
                if (actual != expected)
                    throw new InvalidOperationException(
                        $"{TGen.Name} {scenario.Name}: {impl} differs from hand-written\n  hand-written: {expected}\n  {impl}: {actual}");
            }
        }
    }

    /// <summary>Everything a scenario can change, as text (machines are compared, not benchmarked).</summary>
    public static string Describe(MachineCore m)
    {
        var state = m.CurrentState;
        return $"effects[{m.Effects.Snapshot()}] pending={m.Pending.Count} pt={m.PageTable.Count} " +
               $"enable={state.EnableCount} pause={state.PauseCount} active={m.IsActive} preempt={m.CurrentCpu.PreemptCount}";
    }

    private static PteWrite[] CreateWrites()
    {
        var result = new PteWrite[Writes];
        for (var i = 0; i < result.Length; i++)
            result[i] = new PteWrite(Mm: 1, Addr: (ulong)(i + 1) * 0x1000, PteKind.Kernel, Valid: true, Value: (ulong)(i + 1));
        return result;
    }
}

public class Arm64HotPath : HotPathBenchmarks<Arm64, Arm64.TaskState, Arm64.CpuState, HandArm64, HandArm64.TaskState, HandArm64.CpuState>
{
    protected override LazyMmuPlugin CreatePlugin(MachineOptions options) => new VirtualArm64(options);
}

public class PowerpcHashHotPath
    : HotPathBenchmarks<PowerpcHash, PowerpcHash.TaskState, PowerpcHash.CpuState, HandPowerpcHash, HandPowerpcHash.TaskState, HandPowerpcHash.CpuState>
{
    protected override LazyMmuPlugin CreatePlugin(MachineOptions options) => new VirtualPowerpcHash(options);
}

public class X86XenHotPath : HotPathBenchmarks<X86Xen, X86Xen.TaskState, X86Xen.CpuState, HandX86Xen, HandX86Xen.TaskState, HandX86Xen.CpuState>
{
    protected override LazyMmuPlugin CreatePlugin(MachineOptions options) => new VirtualX86Xen(options);
}

/// <summary>The hot-path classes and the arch each one measures.</summary>
public static class HotPathSuites
{
    public static readonly (Type Type, string Arch)[] All =
    [
        (typeof(Arm64HotPath), Arm64.ArchName),
        (typeof(PowerpcHashHotPath), PowerpcHash.ArchName),
        (typeof(X86XenHotPath), X86Xen.ArchName),
    ];
}
