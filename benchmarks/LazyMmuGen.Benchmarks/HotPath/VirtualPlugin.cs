using LazyMmuGen.Runtime;

namespace LazyMmuGen.Benchmarks.HotPath;

// The design the generator replaces: an arch as a plugin object behind an abstract class, called
// through a non-generic copy of the generic layer. The plugin owns its per-task and per-CPU state (a
// non-generic layer cannot hand it typed state), so it indexes its own arrays by task and CPU id. The
// machine underneath is an ordinary Machine whose arch is an empty struct (PluginHost), so the runtime
// helpers (ArchContext, counters, pending writes, effects) are exactly the ones the other two use.

/// <summary>Empty per-task/per-CPU state for the plugin machine: the plugin keeps its own.</summary>
public struct NoState : IArchState<NoState>
{
    readonly NoState IArchState<NoState>.CopyReferences(in NoState reusable, PrimitiveCopies copies) => this;
    readonly void IArchState<NoState>.AddMechanisms(List<IMechanismState> into) { }
    readonly void IArchState<NoState>.WriteState(StateWriter writer, bool referencesOnlyByPresence) { }
}

/// <summary>The arch struct of the plugin machine: every callback is a no-op (never called by the plugin layer).</summary>
public readonly struct PluginHost : ILazyMmuArch<PluginHost, NoState, NoState>
{
    public static string Name => "plugin-host";
    public static bool HasLazyMmuMode => true;
    public static bool HasDistinctPauseResume => false;
    public static void InitCpu(ref NoState cpu, int cpuId) { }
    public static void InitTask(ref NoState task, int taskId) { }
    public static void Enter(ref ArchContext<NoState, NoState> c) { }
    public static void EnterWithRange(ref ArchContext<NoState, NoState> c, in PteRange range) { }
    public static void Leave(ref ArchContext<NoState, NoState> c) { }
    public static void Flush(ref ArchContext<NoState, NoState> c) { }
    public static void Pause(ref ArchContext<NoState, NoState> c) { }
    public static void Resume(ref ArchContext<NoState, NoState> c) { }
    public static void SetPte(ref ArchContext<NoState, NoState> c, in PteWrite write) { }
    public static Pte GetPte(ref ArchContext<NoState, NoState> c, int mm, ulong addr) => c.Machine.PageTable.Read(mm, addr);
    public static void SwitchOut(ref ArchContext<NoState, NoState> c) { }
    public static void SwitchIn(ref ArchContext<NoState, NoState> c) { }
}

/// <summary>An arch plugin: the same callbacks as <see cref="ILazyMmuArch{TSelf,TTask,TCpu}"/>, as virtual instance methods.</summary>
public abstract class LazyMmuPlugin
{
    public abstract string Name { get; }
    public abstract bool HasDistinctPauseResume { get; }
    public abstract void Enter(ref ArchContext<NoState, NoState> c);
    public abstract void Leave(ref ArchContext<NoState, NoState> c);
    public abstract void Flush(ref ArchContext<NoState, NoState> c);
    public abstract void Pause(ref ArchContext<NoState, NoState> c);
    public abstract void Resume(ref ArchContext<NoState, NoState> c);
    public abstract void SetPte(ref ArchContext<NoState, NoState> c, in PteWrite w);
}

/// <summary>A machine plus the plugin it runs.</summary>
public sealed class PluginMachine(LazyMmuPlugin plugin, MachineOptions options)
{
    public readonly Machine<PluginHost, NoState, NoState> Machine = new(options);
    public readonly LazyMmuPlugin Plugin = plugin;
}

/// <summary>
/// A non-generic copy of <see cref="LazyMmu{TArch,TTask,TCpu}"/> (final revision), line for line, with every
/// arch call a virtual call on the plugin.
/// </summary>
public static class PluginLazyMmu
{
    public static void Enable(PluginMachine pm)
    {
        var m = pm.Machine;
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.PauseCount > 0) return;
        if (s.EnableCount == byte.MaxValue) m.Warnings.Fire(WarnSite.EnableOverflow);
        if (s.EnableCount++ != 0) return;
        m.PreemptionPoint(PreemptSite.EnableBeforeEnter);
        m.Callbacks.Record(ArchCallback.Enter);
        var c = m.Context();
        pm.Plugin.Enter(ref c);
    }

    public static void Disable(PluginMachine pm)
    {
        var m = pm.Machine;
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.PauseCount > 0) return;
        if (s.EnableCount == 0) m.Warnings.Fire(WarnSite.DisableUnderflow);
        if (--s.EnableCount == 0)
        {
            m.PreemptionPoint(PreemptSite.DisableBeforeLeave);
            m.Callbacks.Record(ArchCallback.Leave);
            var c = m.Context();
            pm.Plugin.Leave(ref c);
        }
        else
        {
            m.PreemptionPoint(PreemptSite.DisableBeforeFlush);
            m.Callbacks.Record(ArchCallback.Flush);
            var c = m.Context();
            pm.Plugin.Flush(ref c);
        }
    }

    public static void Pause(PluginMachine pm)
    {
        var m = pm.Machine;
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.PauseCount == byte.MaxValue) m.Warnings.Fire(WarnSite.PauseOverflow);
        if (s.PauseCount++ != 0 || s.EnableCount == 0) return;
        m.PreemptionPoint(PreemptSite.PauseBeforeLeave);
        var c = m.Context();
        if (pm.Plugin.HasDistinctPauseResume)
        {
            m.Callbacks.Record(ArchCallback.Pause);
            pm.Plugin.Pause(ref c);
        }
        else
        {
            m.Callbacks.Record(ArchCallback.Leave);
            pm.Plugin.Leave(ref c);
        }
    }

    public static void Resume(PluginMachine pm)
    {
        var m = pm.Machine;
        if (m.InInterrupt) return;
        ref var s = ref m.CurrentState;
        if (s.PauseCount == 0) m.Warnings.Fire(WarnSite.ResumeUnderflow);
        if (--s.PauseCount != 0 || s.EnableCount == 0) return;
        m.PreemptionPoint(PreemptSite.ResumeBeforeEnter);
        var c = m.Context();
        if (pm.Plugin.HasDistinctPauseResume)
        {
            m.Callbacks.Record(ArchCallback.Resume);
            pm.Plugin.Resume(ref c);
        }
        else
        {
            m.Callbacks.Record(ArchCallback.Enter);
            pm.Plugin.Enter(ref c);
        }
    }

    public static void SetPte(PluginMachine pm, in PteWrite write)
    {
        var m = pm.Machine;
        m.Effects.Add(MachineEffects.PteWrite);
        var c = m.Context();
        pm.Plugin.SetPte(ref c, in write);
    }
}

/// <summary>arm64 as a plugin.</summary>
public sealed class VirtualArm64(MachineOptions options) : LazyMmuPlugin
{
    private readonly bool[] barriersPending = new bool[options.MaxTasks];

    public override string Name => "arm64";
    public override bool HasDistinctPauseResume => false;

    public override void Enter(ref ArchContext<NoState, NoState> c)
    {
    }

    public override void Leave(ref ArchContext<NoState, NoState> c) => Flush(ref c);

    public override void Flush(ref ArchContext<NoState, NoState> c)
    {
        ref var pending = ref barriersPending[c.TaskId];
        if (!pending) return;
        pending = false;
        c.Emit(Kinds.Dsb);
        c.Emit(Kinds.Isb);
        c.CompleteTaskWrites();
    }

    public override void Pause(ref ArchContext<NoState, NoState> c) => Flush(ref c);

    public override void Resume(ref ArchContext<NoState, NoState> c)
    {
    }

    public override void SetPte(ref ArchContext<NoState, NoState> c, in PteWrite w)
    {
        var id = c.Store(in w);
        if (w.IsValidKernel)
        {
            if (c.IsActive)
            {
                barriersPending[c.TaskId] = true;
                return;
            }
            c.Emit(Kinds.Dsb);
            c.Emit(Kinds.Isb);
        }
        c.Complete(id);
    }
}

/// <summary>powerpc hash as a plugin.</summary>
public sealed class VirtualPowerpcHash : LazyMmuPlugin
{
    private readonly TlbBatch[] tlb;

    public VirtualPowerpcHash(MachineOptions options)
    {
        tlb = new TlbBatch[options.Cpus];
        for (var i = 0; i < tlb.Length; i++) tlb[i] = new TlbBatch(192, TlbFlushKeys.Mm | TlbFlushKeys.PageSize | TlbFlushKeys.SegmentSize);
    }

    public override string Name => "powerpc-hash";
    public override bool HasDistinctPauseResume => false;

    public override void Enter(ref ArchContext<NoState, NoState> c) => c.PreemptDisable();

    public override void Leave(ref ArchContext<NoState, NoState> c)
    {
        tlb[c.CpuId].Flush(c.Machine);
        c.PreemptEnable();
    }

    public override void Flush(ref ArchContext<NoState, NoState> c) => tlb[c.CpuId].Flush(c.Machine);

    public override void Pause(ref ArchContext<NoState, NoState> c) => Leave(ref c);

    public override void Resume(ref ArchContext<NoState, NoState> c) => c.PreemptDisable();

    public override void SetPte(ref ArchContext<NoState, NoState> c, in PteWrite w)
    {
        // powerpc hash__pte_update(): only an old pte with H_PAGE_HASHPTE (modelled: valid) owes an invalidation.
        var owed = c.Machine.PageTable.Read(w.Mm, w.Addr).Valid;
        var id = c.Store(in w);
        if (!owed)
        {
            c.Complete(id);
            return;
        }
        if (!c.IsActive)
        {
            TlbBatch.FlushOne(c.Machine, id);
            return;
        }
        var batch = tlb[c.CpuId];
        if (batch.Differs(in w)) batch.Flush(c.Machine);
        batch.Append(id, in w, c.TaskId);
        if (batch.IsFull) batch.Flush(c.Machine);
    }
}

/// <summary>x86 Xen PV as a plugin.</summary>
public sealed class VirtualX86Xen : LazyMmuPlugin
{
    private readonly MulticallBuffer[] multicalls;
    private readonly bool[] lazyMmu;

    public VirtualX86Xen(MachineOptions options)
    {
        multicalls = new MulticallBuffer[options.Cpus];
        for (var i = 0; i < multicalls.Length; i++) multicalls[i] = new MulticallBuffer(32, 512, 16, merge: true);
        lazyMmu = new bool[options.Cpus];
    }

    public override string Name => "x86-xen";
    public override bool HasDistinctPauseResume => false;

    public override void Enter(ref ArchContext<NoState, NoState> c) => lazyMmu[c.CpuId] = true;

    public override void Leave(ref ArchContext<NoState, NoState> c)
    {
        c.PreemptDisable();
        multicalls[c.CpuId].Issue(c.Machine);
        lazyMmu[c.CpuId] = false;
        c.PreemptEnable();
    }

    public override void Flush(ref ArchContext<NoState, NoState> c)
    {
        if (!lazyMmu[c.CpuId]) return;
        c.PreemptDisable();
        multicalls[c.CpuId].Issue(c.Machine);
        c.PreemptEnable();
    }

    public override void Pause(ref ArchContext<NoState, NoState> c) => Leave(ref c);

    public override void Resume(ref ArchContext<NoState, NoState> c) => Enter(ref c);

    public override void SetPte(ref ArchContext<NoState, NoState> c, in PteWrite w)
    {
        var id = c.Store(in w);
        if (lazyMmu[c.CpuId] && !c.InInterrupt)
        {
            var buffer = multicalls[c.CpuId];
            if (buffer.TryAppend(id, c.TaskId, w.Mm)) return;
            buffer.Issue(c.Machine);
            buffer.TryAppend(id, c.TaskId, w.Mm);
            return;
        }
        c.Emit(Kinds.Hypercall);
        c.Emit(Kinds.MmuUpdate);
        c.Complete(id);
    }
}

