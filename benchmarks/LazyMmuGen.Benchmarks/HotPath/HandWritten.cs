using System.Runtime.CompilerServices;
using System.Text;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Benchmarks.HotPath;

// The hand-written baselines: the arch structs a careful engineer would write directly against the
// runtime, without the generator. Same behaviour as the generated arches (checked by Equivalence before
// every benchmark), written the obvious way: no dead work, primitives read once into locals. Their state
// structs implement IArchState by hand (checker support the generator emits for generated arches).

/// <summary>arm64: one dsb(ishst)+isb per section end instead of one per valid kernel pte write.</summary>
public readonly struct HandArm64 : ILazyMmuArch<HandArm64, HandArm64.TaskState, HandArm64.CpuState>
{
    public struct TaskState : IArchState<TaskState>
    {
        public bool BarriersPending;

        readonly TaskState IArchState<TaskState>.CopyReferences(in TaskState reusable, PrimitiveCopies copies) => this;
        readonly void IArchState<TaskState>.AddMechanisms(List<IMechanismState> into) { }
        readonly void IArchState<TaskState>.WriteState(StateWriter writer, bool referencesOnlyByPresence) =>
            writer.Label("BarriersPending=").Bool(BarriersPending);
    }

    public struct CpuState : IArchState<CpuState>
    {
        readonly CpuState IArchState<CpuState>.CopyReferences(in CpuState reusable, PrimitiveCopies copies) => this;
        readonly void IArchState<CpuState>.AddMechanisms(List<IMechanismState> into) { }
        readonly void IArchState<CpuState>.WriteState(StateWriter writer, bool referencesOnlyByPresence) { }
    }

    public static string Name => "arm64";

    public static bool HasLazyMmuMode => true;
    public static bool HasDistinctPauseResume => false;

    public static void InitCpu(ref CpuState cpu, int cpuId)
    {
    }

    public static void InitTask(ref TaskState task, int taskId)
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter(ref ArchContext<TaskState, CpuState> c)
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EnterWithRange(ref ArchContext<TaskState, CpuState> c, in PteRange range)
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Leave(ref ArchContext<TaskState, CpuState> c) => Flush(ref c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Flush(ref ArchContext<TaskState, CpuState> c)
    {
        if (!c.Task.BarriersPending) return;
        c.Task.BarriersPending = false;
        c.Emit(Kinds.Dsb);
        c.Emit(Kinds.Isb);
        c.CompleteTaskWrites();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pause(ref ArchContext<TaskState, CpuState> c) => Flush(ref c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Resume(ref ArchContext<TaskState, CpuState> c)
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetPte(ref ArchContext<TaskState, CpuState> c, in PteWrite w)
    {
        var id = c.Store(in w);
        if (w.IsValidKernel)
        {
            if (c.IsActive)
            {
                c.Task.BarriersPending = true;
                return;
            }
            c.Emit(Kinds.Dsb);
            c.Emit(Kinds.Isb);
        }
        c.Complete(id);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pte GetPte(ref ArchContext<TaskState, CpuState> c, int mm, ulong addr) => c.Machine.PageTable.Read(mm, addr);

    public static void SwitchOut(ref ArchContext<TaskState, CpuState> c) => c.Emit(Kinds.Dsb);

    public static void SwitchIn(ref ArchContext<TaskState, CpuState> c)
    {
    }
}

/// <summary>powerpc hash: a per-CPU batch of 192 invalidations, flushed on mm, page size or segment size change.</summary>
public readonly struct HandPowerpcHash : ILazyMmuArch<HandPowerpcHash, HandPowerpcHash.TaskState, HandPowerpcHash.CpuState>
{
    public struct TaskState : IArchState<TaskState>
    {
        readonly TaskState IArchState<TaskState>.CopyReferences(in TaskState reusable, PrimitiveCopies copies) => this;
        readonly void IArchState<TaskState>.AddMechanisms(List<IMechanismState> into) { }
        readonly void IArchState<TaskState>.WriteState(StateWriter writer, bool referencesOnlyByPresence) { }
    }

    public struct CpuState : IArchState<CpuState>
    {
        public TlbBatch Tlb;

        readonly CpuState IArchState<CpuState>.CopyReferences(in CpuState reusable, PrimitiveCopies copies) =>
            this with { Tlb = (TlbBatch)copies.CopyOf(Tlb, reusable.Tlb) };
        readonly void IArchState<CpuState>.AddMechanisms(List<IMechanismState> into) => into.Add(Tlb);
        readonly void IArchState<CpuState>.WriteState(StateWriter writer, bool referencesOnlyByPresence)
        {
            writer.Label("Tlb=").Tag(2, "");
            Tlb.WriteState(writer);
        }
    }

    public static string Name => "powerpc-hash";

    public static bool HasLazyMmuMode => true;
    public static bool HasDistinctPauseResume => false;

    public static void InitCpu(ref CpuState cpu, int cpuId) =>
        cpu.Tlb = new TlbBatch(192, TlbFlushKeys.Mm | TlbFlushKeys.PageSize | TlbFlushKeys.SegmentSize);

    public static void InitTask(ref TaskState task, int taskId)
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter(ref ArchContext<TaskState, CpuState> c) => c.PreemptDisable();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EnterWithRange(ref ArchContext<TaskState, CpuState> c, in PteRange range) => c.PreemptDisable();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Leave(ref ArchContext<TaskState, CpuState> c)
    {
        c.Cpu.Tlb.Flush(c.Machine);
        c.PreemptEnable();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Flush(ref ArchContext<TaskState, CpuState> c) => c.Cpu.Tlb.Flush(c.Machine);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pause(ref ArchContext<TaskState, CpuState> c) => Leave(ref c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Resume(ref ArchContext<TaskState, CpuState> c) => c.PreemptDisable();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetPte(ref ArchContext<TaskState, CpuState> c, in PteWrite w)
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
        var tlb = c.Cpu.Tlb;
        if (tlb.Differs(in w)) tlb.Flush(c.Machine);
        tlb.Append(id, in w, c.TaskId);
        if (tlb.IsFull) tlb.Flush(c.Machine);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pte GetPte(ref ArchContext<TaskState, CpuState> c, int mm, ulong addr) => c.Machine.PageTable.Read(mm, addr);

    public static void SwitchOut(ref ArchContext<TaskState, CpuState> c)
    {
    }

    public static void SwitchIn(ref ArchContext<TaskState, CpuState> c)
    {
    }
}

/// <summary>x86 Xen PV: mmu_updates queued in the per-CPU multicall buffer; context-switch hooks leave and re-enter.</summary>
public readonly struct HandX86Xen : ILazyMmuArch<HandX86Xen, HandX86Xen.TaskState, HandX86Xen.CpuState>
{
    public struct TaskState : IArchState<TaskState>
    {
        readonly TaskState IArchState<TaskState>.CopyReferences(in TaskState reusable, PrimitiveCopies copies) => this;
        readonly void IArchState<TaskState>.AddMechanisms(List<IMechanismState> into) { }
        readonly void IArchState<TaskState>.WriteState(StateWriter writer, bool referencesOnlyByPresence) { }
    }

    public struct CpuState : IArchState<CpuState>
    {
        public MulticallBuffer Multicalls;
        public bool LazyMmu;

        readonly CpuState IArchState<CpuState>.CopyReferences(in CpuState reusable, PrimitiveCopies copies) =>
            this with { Multicalls = (MulticallBuffer)copies.CopyOf(Multicalls, reusable.Multicalls) };
        readonly void IArchState<CpuState>.AddMechanisms(List<IMechanismState> into) => into.Add(Multicalls);
        readonly void IArchState<CpuState>.WriteState(StateWriter writer, bool referencesOnlyByPresence)
        {
            // Fields in ordinal name order, as the generated states write them.
            writer.Label("LazyMmu=").Bool(LazyMmu).Label("Multicalls=").Tag(2, "");
            Multicalls.WriteState(writer);
        }
    }

    public static string Name => "x86-xen";

    public static bool HasLazyMmuMode => true;
    public static bool HasDistinctPauseResume => false;

    public static void InitCpu(ref CpuState cpu, int cpuId) => cpu.Multicalls = new MulticallBuffer(32, 512, 16, merge: true);

    public static void InitTask(ref TaskState task, int taskId)
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Enter(ref ArchContext<TaskState, CpuState> c) => c.Cpu.LazyMmu = true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EnterWithRange(ref ArchContext<TaskState, CpuState> c, in PteRange range) => c.Cpu.LazyMmu = true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Leave(ref ArchContext<TaskState, CpuState> c)
    {
        c.PreemptDisable();
        c.Cpu.Multicalls.Issue(c.Machine);
        c.Cpu.LazyMmu = false;
        c.PreemptEnable();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Flush(ref ArchContext<TaskState, CpuState> c)
    {
        if (!c.Cpu.LazyMmu) return;
        c.PreemptDisable();
        c.Cpu.Multicalls.Issue(c.Machine);
        c.PreemptEnable();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Pause(ref ArchContext<TaskState, CpuState> c) => Leave(ref c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Resume(ref ArchContext<TaskState, CpuState> c) => c.Cpu.LazyMmu = true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetPte(ref ArchContext<TaskState, CpuState> c, in PteWrite w)
    {
        var id = c.Store(in w);
        if (c.Cpu.LazyMmu && !c.InInterrupt)
        {
            var buffer = c.Cpu.Multicalls;
            if (buffer.TryAppend(id, c.TaskId, w.Mm)) return;
            buffer.Issue(c.Machine);
            buffer.TryAppend(id, c.TaskId, w.Mm);
            return;
        }
        c.Emit(Kinds.Hypercall);
        c.Emit(Kinds.MmuUpdate);
        c.Complete(id);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pte GetPte(ref ArchContext<TaskState, CpuState> c, int mm, ulong addr) => c.Machine.PageTable.Read(mm, addr);

    public static void SwitchOut(ref ArchContext<TaskState, CpuState> c)
    {
        if (!c.Cpu.LazyMmu) return;
        c.RecordHook(ArchCallback.Leave);
        Leave(ref c);
    }

    public static void SwitchIn(ref ArchContext<TaskState, CpuState> c)
    {
        if (!c.IsTaskActive(c.TaskId)) return;
        c.RecordHook(ArchCallback.Enter);
        Enter(ref c);
    }
}

/// <summary>The kinds the hand-written arches emit, named once (as generated code holds them in static fields).</summary>
internal static class Kinds
{
    // The same counters as the generated arches: EffectKind.Named("dsb") is the kind deferred-barriers declares.
    public static readonly EffectKind Dsb = EffectKind.Named("dsb");
    public static readonly EffectKind Hypercall = EffectKind.Named("hypercall");
    public static readonly EffectKind Isb = EffectKind.Named("isb");
    public static readonly EffectKind MmuUpdate = EffectKind.Named("mmu_update");
}
