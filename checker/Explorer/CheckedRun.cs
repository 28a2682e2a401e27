using System.Text;
using LazyMmuGen.Checker.Oracle;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker.Explorer;

/// <summary>
/// One machine driven op by op beside the oracle, checking after each op it is asked to check: the
/// oracle's callbacks, counters, first warnings and is_active; guarantees 1-4 through pending writes
/// (an interrupt may flush a task's batch early, never extend it);
/// batch purity (tasks always, mms where mm is a flush key: a Xen multicall may legitimately carry two
/// mms' updates, e.g. fork); and, after the outermost leave, preemption, registers, empty batches and
/// no pending write; read your writes (get_pte after set_pte returns the new entry); register discipline (outside the mode a task's
/// registers are back at reset after every op); batching is real (each section's counted effects within the bounds the
/// mechanisms declare, <see cref="BatchingLedger"/>). Not checked here: exact effect counts (the per-arch tests assert them)
/// and arch flags such as arm64's BarriersPending (only their effect, a pending write, is visible).
/// The state key (machine + oracle + enter snapshots) drives hashing.
/// </summary>
public sealed class CheckedRun
{
    private readonly MachineCore machine;
    private readonly TraceRunner runner;
    private readonly ContractOracle oracle;
    private readonly BatchingLedger batching;
    private readonly EnterSnapshots snapshots;
    // The arch's get_pte cannot change the machine (ArchFacts.GetPteIsPlainRead): read your writes skips proving it.
    private readonly bool plainRead;

    /// <summary>A fresh machine of <paramref name="arch"/> beside a fresh oracle.</summary>
    /// <param name="arch">The arch.</param>
    /// <param name="revision">The revision both run.</param>
    public CheckedRun(ArchInfo arch, GenericRevision revision)
    {
        machine = arch.CreateMachine(Machines.For(revision));
        runner = new TraceRunner(machine);
        oracle = new ContractOracle(revision, arch.HasDistinctPauseResume, arch.HasLazyMmuMode);
        batching = new BatchingLedger(arch.Facts.Batching);
        snapshots = new EnterSnapshots(machine.MaxTasks);
        plainRead = arch.Facts.GetPteIsPlainRead;
    }

    private CheckedRun(CheckedRun source)
    {
        runner = source.runner.Clone();
        machine = runner.Machine;
        oracle = source.oracle.Clone();
        batching = source.batching.Clone();
        snapshots = source.snapshots.Clone();
        plainRead = source.plainRead;
        DeadEnd = source.DeadEnd;
    }

    /// <summary>An independent run in the same state, so every op of the alphabet branches from one replay.</summary>
    public CheckedRun Clone() => new(this);

    /// <summary>
    /// Makes this run a copy of <paramref name="source"/> in place, reusing its objects: the explorer resets one scratch
    /// run per thread to the state it expands, steps it, and keeps a copy only of a state that anchors new successors.
    /// </summary>
    /// <param name="source">A run of the same arch and revision.</param>
    public void CopyFrom(CheckedRun source)
    {
        runner.CopyFrom(source.runner);
        oracle.CopyFrom(source.oracle);
        batching.CopyFrom(source.batching);
        snapshots.CopyFrom(source.snapshots);
        DeadEnd = source.DeadEnd;
    }

    /// <summary>
    /// True once the sequence misused the API (a warn-once site fired). From then on only conformance to
    /// the oracle's warn + wrap outcome is demanded: the guarantees assume correct use, and an arch
    /// that trips over a wrapped counter ends the sequence instead of failing it.
    /// </summary>
    public bool Misused => machine.Warnings.Occurrences > 0;

    /// <summary>True when the sequence cannot usefully continue (an arch failure after misuse).</summary>
    public bool DeadEnd { get; private set; }

    /// <summary>Runs one op; returns (property, detail) when <paramref name="check"/> is set and something broke.</summary>
    /// <param name="op">The op.</param>
    /// <param name="check">False to only advance the run (the oracle still follows).</param>
    public (string Property, string Detail)? Step(ScriptOp op, bool check)
    {
        var task = machine.CurrentTaskId;
        var irq = machine.InInterrupt;
        var api = op.IsApi;
        var enableBefore = oracle.Counters(task).Enable;
        var firedBefore = machine.Warnings.FiredMask;
        // Guarantee 4 compares an interrupt's write with the batches before it: only then are they counted.
        if (irq && op.Kind == OpKind.SetPte) EntriesInto(entriesBefore ??= []);
        var pendingBefore = machine.Pending.Count;
        var totalsBefore = this.totalsBefore ??= new long[batching.Bounds];
        if (!batching.Empty) batching.TotalsInto(machine.Effects, totalsBefore);
        var switchesBefore = machine.Effects[MachineEffects.ContextSwitch];
        if (api && !irq && enableBefore == 0 && op.Kind == OpKind.Enable && oracle.Counters(task).Pause == 0)
            snapshots.Take(task, machine.CurrentCpu.PreemptCount, machine.TaskRegisters(task));

        string? error;
        try
        {
            error = runner.Advance(op, formatResult: false).Error;
        }
        catch (Exception e)
        {
            DeadEnd = true;
            return Misused ? null : (CheckedProperties.NoException, ThrowSite.Describe(e));
        }
        if (error is not null && Misused && (api || op.Kind is OpKind.SetPte or OpKind.GetPte))
        {
            DeadEnd = true;
            return null;
        }
        if (error is not null)
        {
            if (error.StartsWith("BUG", StringComparison.Ordinal)) return (CheckedProperties.NoArchBug, error);
            // A store the arch's store guard refuses (kpkeys: page tables written below PGTABLES) faults in the machine.
            if (error.StartsWith(PteStoreFaultException.Prefix, StringComparison.Ordinal)) return (CheckedProperties.StoresAtWriteLevel, error);
            if (api || op.Kind is OpKind.SetPte or OpKind.GetPte) return (CheckedProperties.MachineRules, error);
            return null; // A refused switch/migrate/irq_exit: a legal no-op transition.
        }

        var (expected, newWarnings) = api ? oracle.Apply(op.Name, task, irq) : (NoCallbacks, NoWarnings);
        var batched = Batching(op, task, irq, enableBefore, totalsBefore, switchesBefore);
        if (!check) return AfterLeave(op, task, enableBefore, check: false);

        if (!SameCallbacks(machine.Callbacks.FromApi, expected))
        {
            var actual = machine.Callbacks.FromApi.Select(c => (OracleCallback)(int)c);
            return (CheckedProperties.Callbacks, $"expected [{string.Join(",", expected)}], got [{string.Join(",", actual)}]");
        }
        for (var t = 1; t < machine.MaxTasks; t++)
        {
            var state = machine.StateOf(t);
            var want = oracle.Counters(t);
            if (state.EnableCount != want.Enable || state.PauseCount != want.Pause)
                return (CheckedProperties.Counters, $"task {t}: expected enable={want.Enable} pause={want.Pause}, got enable={state.EnableCount} pause={state.PauseCount}");
            // v2's stack of returned states (in both fingerprints) must agree too.
            if (state.V2Nested != oracle.V2NestedMask(t))
                return (CheckedProperties.Counters, $"task {t}: expected v2 NESTED bits {oracle.V2NestedMask(t):x}, got {state.V2Nested:x}");
        }
        var firedNow = machine.Warnings.FiredMask & ~firedBefore;
        if (firedNow != SiteMask(newWarnings)) return (CheckedProperties.WarnOnce, WarningsDetail(newWarnings, firedNow));
        if (machine.IsActive != oracle.IsActive(machine.CurrentTaskId, machine.InInterrupt))
            return (CheckedProperties.IsActive, $"machine says {machine.IsActive}");
        // After misuse nothing more is demanded, but the bookkeeping (the outermost enter's snapshot) still
        // follows the op, so a state is the same whichever way it was reached.
        if (Misused) return AfterLeave(op, task, enableBefore, check: false);
        return Pending(op, task, irq, api)
            ?? ReadYourWrites(op)
            ?? Interrupt(op, irq, pendingBefore)
            ?? Purity()
            ?? AfterLeave(op, task, enableBefore, check: true)
            // After the leave's own check, so a forgotten restore is reported as that.
            ?? RegisterDiscipline(task, irq)
            // Last: a performance property, reported only when every correctness property holds.
            ?? (batched is { } detail ? (CheckedProperties.BatchingIsReal, detail) : null);
    }

    /// <summary>
    /// Charges the op to the task's open section (docs/contract.md §7, "batching is real"); the detail of a broken
    /// bound, or null. Only ops the task runs in task context are charged: an interrupt's, a switch's or a
    /// migration's effects may flush early and never count. After misuse the ledger is dropped.
    /// </summary>
    private string? Batching(ScriptOp op, int task, bool irq, int enableBefore, long[] totalsBefore, long switchesBefore)
    {
        if (batching.Empty) return null;
        if (Misused)
        {
            batching.Clear();
            return null;
        }
        if (irq || op.Kind is OpKind.IrqEnter or OpKind.IrqExit or OpKind.Switch or OpKind.Migrate) return null;
        var write = op.Kind == OpKind.SetPte ? runner.LastWrite : null;
        var deferred = write is { } w && machine.Pending.HasTaskWrite(task, w.Mm, w.Addr);
        var flushPoints = 0;
        var callbacks = machine.Callbacks.FromApi;
        for (var i = 0; i < callbacks.Count; i++) flushPoints += callbacks[i] is ArchCallback.Flush or ArchCallback.Leave or ArchCallback.Pause ? 1 : 0;
        return batching.Charge(new BatchingLedger.Op(task, enableBefore, oracle.Counters(task).Enable,
            op.IsApi ? flushPoints : 0, machine.Effects[MachineEffects.ContextSwitch] - switchesBefore,
            write, oracle.IsActive(task, inInterrupt: false), deferred, totalsBefore, TotalsAfter()));
    }

    /// <summary>One binary writer per thread: a state key allocates nothing once it has grown to the state's size.</summary>
    [ThreadStatic]
    private static StateWriter? keyWriter;

    /// <summary>The state's identity for the explorer's seen-set: equal keys mean the runs behave the same from here on.</summary>
    public StateKey StateKey() => StateKey(null);

    /// <summary>
    /// The least key of the state under the CPU renamings (<see cref="Symmetry.CpuRenamings"/>): states that differ
    /// only by which CPU is which get one key.
    /// </summary>
    /// <param name="cpuRenamings">Renamings to key under (physical to written CPU number); null or one: as it is.</param>
    public StateKey StateKey(int[][]? cpuRenamings)
    {
        var writer = keyWriter ??= new StateWriter();
        if (cpuRenamings is null || cpuRenamings.Length <= 1)
        {
            writer.Clear();
            writer.RenameCpus(null);
            WriteState(writer);
            return Explorer.StateKey.Of(writer.Bytes);
        }
        // Every renaming is offered (Symmetry.CpuRenamings gives the identity or all of them), so when the CPUs sort
        // strictly by what renaming cannot change, writing them in that order is one member of the class for all of
        // its members: one write instead of one per renaming, and the same classes (docs/checker.md#symmetry).
        if (CanonicalCpuNames() is { } names)
        {
            writer.Clear();
            writer.RenameCpus(names);
            WriteState(writer);
            writer.RenameCpus(null);
            return Explorer.StateKey.Of(writer.Bytes);
        }
        StateKey least = default;
        for (var i = 0; i < cpuRenamings.Length; i++)
        {
            writer.Clear();
            writer.RenameCpus(cpuRenamings[i]);
            WriteState(writer);
            var key = Explorer.StateKey.Of(writer.Bytes);
            if (i == 0 || key.CompareTo(least) < 0) least = key;
        }
        writer.RenameCpus(null);
        return least;
    }

    /// <summary>Per thread, the renaming <see cref="CanonicalCpuNames"/> returns (reused: a key allocates nothing).</summary>
    [ThreadStatic]
    private static int[]? canonicalNames;

    /// <summary>
    /// The renaming that writes CPUs in <see cref="MachineCore.CompareCpus"/> order (each CPU's rank among them), or
    /// null when two CPUs compare equal and only the least key over every renaming is canonical.
    /// </summary>
    private int[]? CanonicalCpuNames()
    {
        var cpus = machine.Cpus.Count;
        var names = canonicalNames is { Length: var n } && n == cpus ? canonicalNames : canonicalNames = new int[cpus];
        for (var c = 0; c < cpus; c++)
        {
            var rank = 0;
            for (var other = 0; other < cpus; other++)
            {
                if (other == c) continue;
                var order = machine.CompareCpus(other, c);
                if (order == 0) return null;
                if (order < 0) rank++;
            }
            names[c] = rank;
        }
        return names;
    }

    /// <summary>Writes the canonical state: machine, oracle, the outermost enters' snapshots and the batching ledger.</summary>
    /// <param name="writer">The state being written.</param>
    public void WriteState(StateWriter writer)
    {
        machine.WriteState(writer);
        writer.Label("#");
        oracle.WriteState(writer);
        snapshots.WriteState(writer);
        if (batching.Empty) return;
        writer.Label("#");
        batching.WriteState(writer);
    }

    /// <summary>The state as text (<see cref="WriteState"/> through a text writer): for messages and tests.</summary>
    public string Fingerprint()
    {
        return StateWriter.Render(WriteState);
    }

    /// <summary>
    /// The machine rule <paramref name="op"/> would break now, or null: a refused op is a self-loop (it changes
    /// nothing and breaks nothing), so the explorer skips it without cloning the run.
    /// </summary>
    /// <param name="op">The op.</param>
    public string? Refusal(ScriptOp op) => runner.Refusal(op);

    /// <summary>True when <see cref="Refusal"/> is not null, told without formatting the reason.</summary>
    /// <param name="op">The op.</param>
    public bool Refuses(ScriptOp op) => runner.Refuses(op);

    /// <summary>
    /// True when <paramref name="op"/> would run and change nothing (<see cref="TraceRunner.Idles"/>): its successor is
    /// this state, so an explorer checks it with <see cref="IdleCheck"/> instead of a copy, a step and a key.
    /// </summary>
    /// <param name="op">The op.</param>
    public bool Idles(ScriptOp op) => runner.Idles(op);

    /// <summary>
    /// What <see cref="Step"/> of an op that <see cref="Idles"/> would report, without stepping it. Such an op runs no
    /// hook and leaves the state as it is, and every property Step checks after it is a property of the state alone
    /// that the checked transition into this state already passed, with one exception: register discipline judges
    /// the task that ran the op, and the transition in may have been another task's (the switch that brought this one
    /// in). Misuse turns the checks off, as in Step. <c>IdleTests</c> compares this with stepping, state by state.
    /// </summary>
    public (string Property, string Detail)? IdleCheck() => Misused ? null : RegisterDiscipline(machine.CurrentTaskId, machine.InInterrupt);

    /// <summary>
    /// After set_pte, get_pte returns the new entry, in and outside the mode and in interrupt context (s390
    /// reads through its cache: ptep_get() of a cached pte). ptep_get() is a read, so the read is made on the run itself
    /// and must leave the machine's state as it found it ("get_pte is a read"): a consumer's get-pte fragment is arch
    /// code like any other, and one that completes or queues work on a read is caught here rather than hidden.
    /// </summary>
    private (string, string)? ReadYourWrites(ScriptOp op)
    {
        if (op.Kind != OpKind.SetPte || runner.LastWrite is not { } write) return null;
        // Writing the machine before and after the read is most of a write's check: done only where the read runs arch code.
        var before = plainRead ? default : MachineState(readWriter ??= new StateWriter());
        Pte read;
        try
        {
            read = machine.GetPte(write.Mm, write.Addr);
        }
        catch (Exception e)
        {
            DeadEnd = true;
            return (CheckedProperties.NoException, $"get_pte(mm={write.Mm},addr=0x{write.Addr:x}): {ThrowSite.Describe(e)}");
        }
        if (!plainRead && !MachineState(keyWriter ??= new StateWriter()).SequenceEqual(before))
            return (CheckedProperties.GetPteIsARead, $"get_pte(mm={write.Mm},addr=0x{write.Addr:x}) changed the machine's state");
        return read == write.Entry
            ? null
            : (CheckedProperties.ReadYourWrites, $"get_pte(mm={write.Mm},addr=0x{write.Addr:x}) returned {read} after writing {write.Entry}");
    }

    /// <summary>The machine's state alone, as it is (no renaming), written by <paramref name="writer"/>: what a read must not change.</summary>
    /// <param name="writer">A binary writer; the bytes are compared as they are, not hashed.</param>
    private ReadOnlySpan<byte> MachineState(StateWriter writer)
    {
        writer.Clear();
        writer.RenameCpus(null);
        machine.WriteState(writer);
        return writer.Bytes;
    }

    /// <summary>The machine's state before a read, per thread, beside <see cref="keyWriter"/>'s after it.</summary>
    [ThreadStatic]
    private static StateWriter? readWriter;

    /// <summary>
    /// Register discipline (arm64 kpkeys): a task that is not in the mode runs at its registers' reset level
    /// after every op, so a write outside the mode switched to the write level and back (the pte-guard /
    /// pte-unguard pair) and the outermost leave restored what enter saved. Interrupt context has its own
    /// registers (exception entry resets them), so it is not judged by the task's.
    /// </summary>
    private (string, string)? RegisterDiscipline(int task, bool irq)
    {
        if (irq || machine.InInterrupt || oracle.IsActive(task, inInterrupt: false)) return null;
        var registers = machine.TaskRegisters(task);
        return registers.AtReset
            ? null
            : (CheckedProperties.RegisterDiscipline, $"task {task} is outside the mode with [{registers}] still switched");
    }

    private (string, string)? Pending(ScriptOp op, int task, bool irq, bool api)
    {
        if (machine.Pending.Count == 0) return null;
        // In id order, as Pending.All gives them, without its sorted copy: a checker's machine has a few pending writes.
        Span<PendingWrite> writes = machine.Pending.Count <= 64 ? stackalloc PendingWrite[machine.Pending.Count] : new PendingWrite[machine.Pending.Count];
        machine.Pending.CopyInOrder(writes);
        foreach (var write in writes)
        {
            if (write.InInterrupt)
                return (CheckedProperties.InterruptAtOnce, $"write to {write.Addr:x} in interrupt context is pending");
            // The task's own disable/pause first: its pending writes were made inside the mode (a write made
            // outside it fails guarantee 3 at the set_pte), so after an outermost disable the broken promise is 1, not 3.
            if (api && !irq && op.Kind is OpKind.Disable or OpKind.Pause && write.Task == task)
                return (op.Kind == OpKind.Disable ? CheckedProperties.CompleteAfterDisable : CheckedProperties.CompleteAfterPause, $"write to 0x{write.Addr:x} still pending");
            if (!oracle.IsActive(write.Task, inInterrupt: false))
                return (CheckedProperties.OutsideAtOnce, $"task {write.Task} is not in the mode but its write to 0x{write.Addr:x} is pending");
        }
        return null;
    }

    /// <summary>
    /// Guarantee 4 as the contract states it: an interrupt never EXTENDS a task's batch. It may flush it
    /// early (sparc64 tlb_batch_add_one() flushes on a different mm before it checks the mode), which
    /// only completes writes sooner, so batches may shrink and pending writes may complete, never grow.
    /// </summary>
    private (string, string)? Interrupt(ScriptOp op, bool irq, int pendingBefore)
    {
        if (!irq || op.Kind != OpKind.SetPte) return null;
        var after = EntriesInto(entriesAfter ??= []);
        var before = entriesBefore!;
        for (var i = 0; i < after.Count; i++)
        {
            if (after[i] > before[i])
                return (CheckedProperties.InterruptNeverExtends, $"batches [{string.Join(",", before)}] -> [{string.Join(",", after)}]");
        }
        if (machine.Pending.Count > pendingBefore)
            return (CheckedProperties.InterruptNeverExtends, $"pending {pendingBefore} -> {machine.Pending.Count}");
        return null;
    }

    private (string, string)? Purity()
    {
        for (var cpu = 0; cpu < machine.Cpus.Count; cpu++)
        {
            foreach (var state in Mechanisms(cpu))
            {
                // An empty primitive holds nothing to mix (IMechanismState.Entries: 0 means empty).
                if (state.Entries == 0) continue;
                if (Mixed(state.EntryTasks))
                    return (CheckedProperties.NoMixedTasks, $"{state.Kind} on CPU {cpu} holds tasks {string.Join(",", state.EntryTasks.Distinct())}");
                if (state.KeyedByMm && Mixed(state.EntryMms))
                    return (CheckedProperties.NoMixedMms, $"{state.Kind} on CPU {cpu} holds mms {string.Join(",", state.EntryMms.Distinct())}");
            }
        }
        return null;
    }

    private (string, string)? AfterLeave(ScriptOp op, int task, int enableBefore, bool check)
    {
        if (op.Kind != OpKind.Disable || enableBefore == 0 || oracle.Counters(task).Enable != 0) return null;
        if (!snapshots.Close(task, out var preemptCount, out var switched) || !check) return null;
        var cpu = machine.CpuOf(task);
        if (cpu >= 0 && machine.CpuAt(cpu).PreemptCount != preemptCount)
            return (CheckedProperties.LeaveRestoresPreemption, $"preempt_count {preemptCount} before enter, {machine.CpuAt(cpu).PreemptCount} after leave");
        if (!machine.TaskRegisters(task).SameAs(switched))
            return (CheckedProperties.LeaveRestoresRegisters, $"[{switched}] before enter, [{machine.TaskRegisters(task)}] after leave");
        for (var c = 0; c < machine.Cpus.Count; c++)
        {
            foreach (var state in Mechanisms(c))
            {
                if (state.Entries > 0 && state.EntryTasks.Contains(task))
                    return (CheckedProperties.LeaveEmptiesBatches, $"{state.Kind} on CPU {c} still holds {state.Entries} entries of task {task}");
            }
        }
        return machine.Pending.HasTaskWrites(task) ? (CheckedProperties.LeaveCompletesWrites, "pending writes remain") : null;
    }

    /// <summary>Every primitive's entry count, CPU by CPU in field order, into a list reused from step to step.</summary>
    private List<int> EntriesInto(List<int> into)
    {
        into.Clear();
        for (var c = 0; c < machine.Cpus.Count; c++)
        {
            foreach (var state in Mechanisms(c)) into.Add(state.Entries);
        }
        return into;
    }

    // Scratch of one step, never part of the state (not copied): the counted effects before and after it, and the
    // primitives of one CPU. Reused, so a step allocates nothing for them.
    private long[]? totalsBefore;
    private long[]? totalsAfter;
    // Made at the first step that needs them: a model checker's stored runs never step, and carry none.
    private List<IMechanismState>? mechanisms;
    private List<int>? entriesBefore;
    private List<int>? entriesAfter;
    private static readonly List<OracleCallback> NoCallbacks = [];
    private static readonly List<string> NoWarnings = [];

    private long[] TotalsAfter()
    {
        totalsAfter ??= new long[batching.Bounds];
        batching.TotalsInto(machine.Effects, totalsAfter);
        return totalsAfter;
    }

    private List<IMechanismState> Mechanisms(int cpu)
    {
        var list = mechanisms ??= [];
        list.Clear();
        machine.AddMechanismStates(cpu, list);
        return list;
    }

    /// <summary>True when the values are not all equal (a list is read by index, without an enumerator).</summary>
    private static bool Mixed(IEnumerable<int> values)
    {
        if (values is IReadOnlyList<int> list)
        {
            for (var i = 1; i < list.Count; i++)
            {
                if (list[i] != list[0]) return true;
            }
            return false;
        }
        int? first = null;
        foreach (var value in values)
        {
            first ??= value;
            if (value != first) return true;
        }
        return false;
    }

    private static bool SameCallbacks(IReadOnlyList<ArchCallback> actual, List<OracleCallback> expected)
    {
        if (actual.Count != expected.Count) return false;
        for (var i = 0; i < actual.Count; i++)
        {
            if ((int)actual[i] != (int)expected[i]) return false;
        }
        return true;
    }

    // Apart from Step: a lambda there would capture its locals in a closure allocated on every step.
    private static string WarningsDetail(List<string> expected, int firedNow)
    {
        var fired = AllSites.Where(w => (firedNow & (1 << (int)w)) != 0).Select(SiteName).Order();
        return $"expected [{string.Join(",", expected)}], got [{string.Join(",", fired)}]";
    }

    /// <summary>The oracle's site names as a <see cref="WarnOnceLog.FiredMask"/>.</summary>
    private static int SiteMask(List<string> sites)
    {
        var mask = 0;
        foreach (var site in sites)
        {
            foreach (var w in AllSites)
            {
                if (SiteName(w) == site) mask |= 1 << (int)w;
            }
        }
        return mask;
    }

    private static readonly WarnSite[] AllSites = Enum.GetValues<WarnSite>();

    private static string SiteName(WarnSite site) => site switch
    {
        WarnSite.EnableOverflow => "enable-overflow",
        WarnSite.DisableUnderflow => "disable-underflow",
        WarnSite.PauseOverflow => "pause-overflow",
        WarnSite.ResumeUnderflow => "resume-underflow",
        WarnSite.V3EnableWhilePaused => "v3-enable-while-paused",
        WarnSite.V3NestedPause => "v3-nested-pause",
        _ => "v3-resume-without-pause",
    };
}
