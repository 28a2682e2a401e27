namespace LazyMmuGen.Runtime;

/// <summary>
/// The deterministic machine: CPUs, tasks, preemption, interrupts, page tables, pending writes and effects.
/// Single-threaded and clock-free; ops run on the CPU of the focus task. The lazy MMU API members are
/// abstract so the CLI and checker can drive any arch through one type, while the typed
/// <see cref="Machine{TArch,TTask,TCpu}"/> routes them to the statically specialised generic layer.
/// <para>
/// Tasks are numbered 1 to <see cref="MaxTasks"/> - 1 (0 is the idle task); task 1 starts on CPU 0. Page tables
/// are keyed by an mm number and an address (bytes; pages are 0x1000). The machine rules a kernel enforces
/// (no switch with preemption disabled, no migration in interrupt context, ...) throw <see cref="MachineRuleException"/>;
/// misuse of the lazy MMU API follows <see cref="MachineOptions.Policy"/>; an arch's BUG_ON throws <see cref="ArchBugException"/>.
/// </para>
/// </summary>
// This file is the machine and its rules. What only the model checker needs (cloning, fingerprints, the mechanism
// primitives it inspects) is in MachineCore.Cloning.cs and MachineCore.Observation.cs, so the rules read on their own.
public abstract partial class MachineCore
{
    private readonly Cpu[] cpus;
    private readonly RegisterFile[] registers;
    // Per CPU, made at its first interrupt: a model checker's stored runs mostly have none.
    private readonly SavedRegisters?[] savedOnIrq;
    private readonly LazyMmuState[] states;
    private readonly int[] taskCpu;

    /// <summary>The machine's generic state in its initial state: task 1 on CPU 0.</summary>
    /// <param name="options">CPUs, tasks, misuse policy, revision, recording.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one CPU or two task slots.</exception>
    protected MachineCore(MachineOptions options)
    {
        if (options.Cpus < 1) throw new ArgumentOutOfRangeException(nameof(options), "at least one CPU");
        if (options.MaxTasks < 2) throw new ArgumentOutOfRangeException(nameof(options), "at least one task");
        Options = options;
        cpus = new Cpu[options.Cpus];
        for (var c = 0; c < cpus.Length; c++) cpus[c] = new Cpu(c);
        // System registers such as POR_EL1 are thread state on arm64 (saved and restored at context switch).
        registers = new RegisterFile[options.MaxTasks];
        for (var t = 0; t < registers.Length; t++) registers[t] = new RegisterFile();
        savedOnIrq = new SavedRegisters?[options.Cpus];
        states = new LazyMmuState[options.MaxTasks];
        taskCpu = new int[options.MaxTasks];
        Array.Fill(taskCpu, -1);
        Callbacks = new CallbackLog(options.Record);
        Warnings = new WarnOnceLog(options.Policy, options.Record);
        cpus[0].CurrentTask = 1;
        taskCpu[1] = 0;
    }

    /// <summary>The options the machine was created with.</summary>
    public MachineOptions Options { get; }

    /// <summary>
    /// The side effects so far (barriers, flushes, hypercalls, IPTEs, register writes, ...), as counters that only
    /// grow: take a <see cref="EffectLog.Snapshot"/> before and after to see what an operation cost.
    /// </summary>
    public EffectLog Effects { get; } = new();

    /// <summary>The ptes as stored in memory. A pte held in a cache (s390's ipte-cache) reaches it at write-back.</summary>
    public PageTable PageTable { get; } = new();

    private IReadOnlyList<StoreGuard> storeGuards = [];

    /// <summary>
    /// The registers a page-table store needs at a level (the arch type's, <see cref="ArchFacts.StoreGuards"/>): a store
    /// on a CPU whose running context holds another value faults (<see cref="PteStoreFaultException"/>).
    /// </summary>
    public IReadOnlyList<StoreGuard> StoreGuards
    {
        get => storeGuards;
        init
        {
            storeGuards = value;
            PageTable.Guard = value.Count == 0 ? null : StoreFault;
        }
    }

    /// <summary>Why a store on the current CPU would fault now, or null.</summary>
    private string? StoreFault()
    {
        var live = Registers(CurrentCpuId);
        // Indexed: a foreach over the interface would allocate an enumerator on every store.
        for (var i = 0; i < storeGuards.Count; i++)
        {
            var guard = storeGuards[i];
            var value = live.Read(guard.Register);
            if (value != guard.Level)
                return $"{guard.Register} is {value} on CPU {CurrentCpuId}, but page tables are writable only at {guard.LevelName} ({guard.Level}) ({guard.Mechanism})";
        }
        return null;
    }

    /// <summary>The pte updates whose side effects are not complete yet; empty after an outermost disable (guarantee 1).</summary>
    public PendingWrites Pending { get; } = new();

    /// <summary>The arch callbacks of the current op, when <see cref="MachineOptions.Record"/> is on; cleared by the caller.</summary>
    public CallbackLog Callbacks { get; }

    /// <summary>The VM_WARN_ON_ONCE sites that fired, and the warnings of the current op.</summary>
    public WarnOnceLog Warnings { get; }

    /// <summary>
    /// Called at every preemption point of the generic layer (between a counter update and its arch callback);
    /// null (the default) means no preemption, and costs one null check on the hot path.
    /// </summary>
    public IPreemptionScheduler? Scheduler { get; set; }

    /// <summary>The arch's name as in its descriptor (<c>arch:</c>), e.g. "arm64".</summary>
    public abstract string ArchName { get; }

    /// <summary>
    /// True when pause() and resume() call the arch's own pause and resume callbacks (the reviewers' proposal,
    /// docs/contract.md §5); false when they call leave and enter, as the merged layer does.
    /// </summary>
    public abstract bool HasDistinctPauseResume { get; }

    /// <summary>False when the arch does not opt in: the lazy MMU helpers are the kernel's empty stubs.</summary>
    public abstract bool HasLazyMmuMode { get; }

    /// <summary>Every CPU, by number.</summary>
    public IReadOnlyList<Cpu> Cpus => cpus;

    /// <summary>The CPU ops run on: the one the focus task (<see cref="CurrentTaskId"/>) runs on.</summary>
    public int CurrentCpuId { get; private set; }

    /// <summary>The CPU ops run on.</summary>
    public Cpu CurrentCpu => cpus[CurrentCpuId];

    /// <summary>The task running on the current CPU: "current" in kernel terms.</summary>
    public int CurrentTaskId => cpus[CurrentCpuId].CurrentTask;

    /// <summary>in_interrupt() on the current CPU.</summary>
    public bool InInterrupt => cpus[CurrentCpuId].IrqDepth > 0;

    /// <summary>The CPU numbered <paramref name="id"/>.</summary>
    /// <param name="id">A CPU number, 0 to <see cref="Cpus"/>.Count - 1.</param>
    /// <exception cref="IndexOutOfRangeException">No such CPU.</exception>
    public Cpu CpuAt(int id) => cpus[id];
    /// <summary>
    /// The system registers (e.g. arm64's POR_EL1) as <paramref name="cpu"/> sees them: those of the task running on it.
    /// Registers are thread state, saved and restored at context switch, and reset on interrupt entry.
    /// </summary>
    /// <param name="cpu">A CPU number.</param>
    public RegisterFile Registers(int cpu) => registers[cpus[cpu].CurrentTask];

    /// <summary>The saved system registers of <paramref name="task"/>, whether it runs or not.</summary>
    /// <param name="task">A task id.</param>
    public RegisterFile TaskRegisters(int task) => registers[task];

    /// <summary>
    /// The generic lazy MMU state of <paramref name="task"/> (task_struct's lazy_mmu_state: enable_count and
    /// pause_count), by reference.
    /// </summary>
    /// <param name="task">A task id.</param>
    public ref LazyMmuState StateOf(int task) => ref states[task];

    /// <summary>The generic lazy MMU state of the current task, by reference.</summary>
    public ref LazyMmuState CurrentState => ref states[CurrentTaskId];

    /// <summary>The CPU a task runs on, or -1 when it is not running.</summary>
    /// <param name="task">A task id.</param>
    public int CpuOf(int task) => taskCpu[task];

    /// <summary>Task slots, the idle task included: tasks are 1 to MaxTasks - 1 (<see cref="MachineOptions.MaxTasks"/>).</summary>
    public int MaxTasks => states.Length;

    /// <summary>
    /// is_lazy_mmu_mode_active() in the current context (include/linux/sched.h): false in interrupt context, else
    /// enable_count &gt; 0 and pause_count == 0 for the current task. False for an arch without the mode.
    /// </summary>
    public bool IsActive => !InInterrupt && states[CurrentTaskId].IsActive;

    /// <summary>
    /// __task_lazy_mmu_mode_active(task): the task-level variant context-switch hooks use (x86-xen), answering for
    /// any task regardless of the current context.
    /// </summary>
    /// <param name="task">A task id.</param>
    public bool IsTaskActive(int task) => states[task].IsActive;

    // ---- the lazy MMU API, specialised per arch by Machine<TArch, TTask, TCpu> ----

    /// <summary>
    /// lazy_mmu_mode_enable() for the current task (docs/contract.md §2): no effect in interrupt context or while
    /// paused; otherwise enable_count++, and the outermost enable calls the arch's enter. Misuse (enable_count at
    /// 255) warns once and wraps, or throws under <see cref="MisusePolicy.Strict"/>. No effect for an arch without the mode.
    /// </summary>
    /// <exception cref="LazyMmuMisuseException">Misuse under <see cref="MisusePolicy.Strict"/>; the counters are unchanged.</exception>
    /// <exception cref="ArchBugException">The arch's enter hit a BUG_ON (e.g. x86-xen-strict-enter entered twice).</exception>
    /// <exception cref="MachineRuleException">The arch or the scheduler broke a machine rule.</exception>
    public abstract void Enable();

    /// <summary>
    /// lazy_mmu_mode_enable_with_ptes(mm, start, end, ptep) (the s390 proposal, docs/contract.md §6): like
    /// <see cref="Enable"/>, but the outermost call hands <paramref name="range"/> to the arch
    /// (arch_enter_lazy_mmu_mode_with_ptes()); nested calls pass nothing. Arches that take no range ignore it.
    /// </summary>
    /// <param name="range">The mm and the address range [start, end) about to be updated.</param>
    /// <exception cref="LazyMmuMisuseException">Misuse under <see cref="MisusePolicy.Strict"/>.</exception>
    /// <exception cref="ArchBugException">The arch's enter hit a BUG_ON.</exception>
    public abstract void EnableWithRange(in PteRange range);

    /// <summary>
    /// lazy_mmu_mode_disable() for the current task: no effect in interrupt context or while paused; otherwise
    /// --enable_count, then the arch's leave when it reached 0, else its flush. Afterwards every update the task
    /// made before has taken effect (guarantee 1). A disable at 0 warns once and wraps to 255 (then flushes), or
    /// throws under <see cref="MisusePolicy.Strict"/>.
    /// </summary>
    /// <exception cref="LazyMmuMisuseException">Misuse under <see cref="MisusePolicy.Strict"/>; the counters are unchanged.</exception>
    /// <exception cref="ArchBugException">The arch's leave hit a BUG_ON.</exception>
    public abstract void Disable();

    /// <summary>
    /// lazy_mmu_mode_pause(): no effect in interrupt context; otherwise pause_count++, and the first pause of an
    /// open section calls the arch's leave (or its pause, <see cref="HasDistinctPauseResume"/>). The mode is then
    /// off whatever the depth, and calls made while paused do nothing (guarantee 2). Pauses nest.
    /// </summary>
    /// <exception cref="LazyMmuMisuseException">pause_count at 255 under <see cref="MisusePolicy.Strict"/>.</exception>
    public abstract void Pause();

    /// <summary>
    /// lazy_mmu_mode_resume(): no effect in interrupt context; otherwise --pause_count, and the last resume inside
    /// an open section calls the arch's enter (or its resume), restoring the depth the pause left.
    /// </summary>
    /// <exception cref="LazyMmuMisuseException">A resume without a pause under <see cref="MisusePolicy.Strict"/>.</exception>
    public abstract void Resume();

    /// <summary>
    /// A pte store (set_pte() and the arch's hooks around it) by the current task on the current CPU. The arch
    /// decides whether its side effects complete now or are deferred (a queued barrier, a batched invalidation, a
    /// multicall entry, a cached pte); <see cref="Pending"/> shows what is still outstanding. Counts one
    /// <see cref="MachineEffects.PteWrite"/>.
    /// </summary>
    /// <param name="write">The mm, address and new pte; see <see cref="PteWrite"/>.</param>
    /// <exception cref="ArchBugException">The arch hit a BUG_ON.</exception>
    public abstract void SetPte(in PteWrite write);

    /// <summary>
    /// ptep_get(): the pte as the current task sees it, from the arch's cache when one holds it (s390), else from
    /// <see cref="PageTable"/>. <see cref="Pte.None"/> when nothing was ever written there.
    /// </summary>
    /// <param name="mm">The address space (mm) number.</param>
    /// <param name="addr">The virtual address, in bytes.</param>
    public abstract Pte GetPte(int mm, ulong addr);

    /// <summary>The arch's context-switch hook for the task leaving <paramref name="cpu"/> (in __switch_to(), before it stops running).</summary>
    /// <param name="cpu">The CPU being switched.</param>
    /// <param name="task">The outgoing task (possibly idle).</param>
    protected abstract void ArchSwitchOut(int cpu, int task);

    /// <summary>The arch's context-switch hook for the task arriving on <paramref name="cpu"/> (after it runs there).</summary>
    /// <param name="cpu">The CPU being switched.</param>
    /// <param name="task">The incoming task (possibly idle).</param>
    protected abstract void ArchSwitchIn(int cpu, int task);

    // ---- machine operations ----

    /// <summary>
    /// irq_enter() on the current CPU: in_interrupt() becomes true, so the lazy MMU helpers do nothing and the mode
    /// is not active; the live system registers are saved and reset (arm64 resets POR_EL1 on exception entry).
    /// </summary>
    public void IrqEnter()
    {
        var cpu = CurrentCpu;
        cpu.IrqDepth++;
        // Exception entry saves the system registers and resets them to their defaults.
        var live = Registers(cpu.Id);
        (savedOnIrq[cpu.Id] ??= new()).Push(live);
        live.Clear();
    }

    /// <summary>irq_exit() on the current CPU: leaves one level of interrupt context and restores the registers saved on entry.</summary>
    /// <exception cref="MachineRuleException">The CPU is not in interrupt context.</exception>
    public void IrqExit()
    {
        if (IrqExitRefusal() is { } refusal) throw new MachineRuleException(refusal);
        var cpu = CurrentCpu;
        cpu.IrqDepth--;
        Registers(cpu.Id).WriteAll(savedOnIrq[cpu.Id]!.Pop());
    }

    /// <summary>preempt_disable() on the current CPU (counts <see cref="MachineEffects.PreemptDisable"/>).</summary>
    public void PreemptDisable() => PreemptDisableOn(CurrentCpuId);

    /// <summary>preempt_enable() on the current CPU (counts <see cref="MachineEffects.PreemptEnable"/>).</summary>
    /// <exception cref="MachineRuleException">preempt_count is already 0.</exception>
    public void PreemptEnable() => PreemptEnableOn(CurrentCpuId);

    /// <summary>preempt_disable() on <paramref name="cpu"/>: what an arch callback calls for the CPU it runs on.</summary>
    /// <param name="cpu">A CPU number.</param>
    public void PreemptDisableOn(int cpu)
    {
        cpus[cpu].PreemptCount++;
        Effects.Add(MachineEffects.PreemptDisable);
    }

    /// <summary>preempt_enable() on <paramref name="cpu"/>.</summary>
    /// <param name="cpu">A CPU number.</param>
    /// <exception cref="MachineRuleException">preempt_count is already 0 on that CPU.</exception>
    public void PreemptEnableOn(int cpu)
    {
        if (PreemptEnableRefusal(cpu) is { } refusal) throw new MachineRuleException(refusal);
        cpus[cpu].PreemptCount--;
        Effects.Add(MachineEffects.PreemptEnable);
    }

    /// <summary>
    /// Runs <paramref name="task"/> on the current CPU; the previous task becomes runnable. Both arch
    /// context-switch hooks run (the outgoing task's, then the incoming one's) and one
    /// <see cref="MachineEffects.ContextSwitch"/> is counted. No effect when the task already runs here.
    /// </summary>
    /// <param name="task">A task id, 1 to <see cref="MaxTasks"/> - 1.</param>
    /// <exception cref="MachineRuleException">
    /// No such task, the task runs on another CPU, or the current CPU cannot schedule (interrupt context, preemption disabled).
    /// </exception>
    public void Switch(int task)
    {
        if (SwitchRefusal(task) is { } refusal) throw new MachineRuleException(refusal);
        if (SwitchIdles(task)) return;
        Replace(CurrentCpu, task);
    }

    /// <summary>
    /// Moves the current task to <paramref name="target"/>: two context switches, one on the old CPU (which becomes
    /// idle) and one on the new CPU (whose task, if any, becomes runnable). Ops then run on <paramref name="target"/>.
    /// No effect when the task is already there.
    /// </summary>
    /// <param name="target">A CPU number.</param>
    /// <exception cref="MachineRuleException">
    /// No such CPU, or either CPU cannot schedule (interrupt context, preemption disabled).
    /// </exception>
    public void Migrate(int target)
    {
        if (MigrateRefusal(target) is { } refusal) throw new MachineRuleException(refusal);
        if (MigrateIdles(target)) return;
        var from = CurrentCpu;
        var task = from.CurrentTask;
        Replace(from, Cpu.Idle);
        Replace(cpus[target], task);
        CurrentCpuId = target;
    }

    /// <summary>
    /// A generic-layer preemption point: the <see cref="Scheduler"/>, if any and if the current CPU can schedule,
    /// may switch or migrate here. Afterwards ops run on whichever CPU the task now runs on.
    /// </summary>
    /// <param name="site">Where in the generic layer the task is.</param>
    /// <exception cref="MachineRuleException">The scheduler left the task off every CPU.</exception>
    public void PreemptionPoint(PreemptSite site)
    {
        // Only the null check is inlined into the generic layer: the scheduler call and its error message
        // (a string interpolation the JIT would otherwise inline, zeroing its buffer in every caller's
        // prologue) stay out of the hot path. Found with the benchmarks' JIT disassembly (issue 6).
        if (Scheduler is null) return;
        RunScheduler(site);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void RunScheduler(PreemptSite site)
    {
        if (Scheduler is null || !CurrentCpu.CanSchedule) return;
        var task = CurrentTaskId;
        Scheduler.AtPreemptionPoint(this, site);
        if (taskCpu[task] < 0)
            throw new MachineRuleException($"scheduler left task {task} off-CPU at preemption point {site}");
        CurrentCpuId = taskCpu[task];
    }

    /// <summary>
    /// Moves the focus (where ops run) to a CPU, without switching anything; used by schedulers that switch tasks
    /// back in on another CPU. <see cref="CurrentTaskId"/> becomes the task running there.
    /// </summary>
    /// <param name="cpu">A CPU number (not checked).</param>
    public void FocusCpu(int cpu) => CurrentCpuId = cpu;

    /// <summary>
    /// One __switch_to on <paramref name="cpu"/>. The idle task is a task too, so both hooks run even when
    /// either side is idle: a migration is two switches (out on the old CPU, in on the new one), and on
    /// arm64 each issues its own dsb(ish) (arch/arm64/kernel/process.c: __switch_to()).
    /// </summary>
    private void Replace(Cpu cpu, int next)
    {
        var prev = cpu.CurrentTask;
        ArchSwitchOut(cpu.Id, prev);
        if (prev != Cpu.Idle) taskCpu[prev] = -1;
        cpu.CurrentTask = next;
        if (next != Cpu.Idle) taskCpu[next] = cpu.Id;
        Effects.Add(MachineEffects.ContextSwitch);
        ArchSwitchIn(cpu.Id, next);
    }

    // The machine rules, one check per op: why, and on which CPU, the op is refused. The *Refusal methods word the
    // reason (the ops throw MachineRuleException with it); the Can* methods only ask, so a model checker skips a
    // refused op without formatting anything, and both answer from the same conditions.

    private enum Refused : byte { No, NoSuchTask, NoSuchCpu, InInterrupt, PreemptDisabled, RunningElsewhere }

    private (Refused Why, int Cpu) SwitchCheck(int task)
    {
        if (task < 1 || task >= states.Length) return (Refused.NoSuchTask, -1);
        var cpu = CurrentCpu;
        if (Blocked(cpu) is var why and not Refused.No) return (why, cpu.Id);
        return cpu.CurrentTask != task && taskCpu[task] >= 0 ? (Refused.RunningElsewhere, taskCpu[task]) : (Refused.No, -1);
    }

    private (Refused Why, int Cpu) MigrateCheck(int target)
    {
        if (target < 0 || target >= cpus.Length) return (Refused.NoSuchCpu, -1);
        if (target == CurrentCpuId) return (Refused.No, -1);
        if (Blocked(CurrentCpu) is var why and not Refused.No) return (why, CurrentCpuId);
        return Blocked(cpus[target]) is var there and not Refused.No ? (there, target) : (Refused.No, -1);
    }

    // Scheduling on a CPU is refused in interrupt context and with preemption disabled.
    private static Refused Blocked(Cpu cpu) =>
        cpu.IrqDepth > 0 ? Refused.InInterrupt : cpu.PreemptCount > 0 ? Refused.PreemptDisabled : Refused.No;

    private string? Word((Refused Why, int Cpu) check, string op, string argument, int value) => check.Why switch
    {
        Refused.No => null,
        Refused.NoSuchTask => $"task {value} does not exist: tasks are 1..{states.Length - 1}",
        Refused.NoSuchCpu => $"{op}({argument}={value}) refused: CPUs are 0..{cpus.Length - 1}",
        Refused.InInterrupt => $"{op}({argument}={value}) refused: CPU {check.Cpu} is in interrupt context",
        Refused.PreemptDisabled => $"{op}({argument}={value}) refused: preemption disabled on CPU {check.Cpu} (preempt_count={cpus[check.Cpu].PreemptCount})",
        _ => $"{op}({argument}={value}) refused: task {value} is running on CPU {check.Cpu}",
    };

    /// <summary>Why <see cref="Switch"/> to <paramref name="task"/> would be refused now, or null when it would run.</summary>
    /// <param name="task">A task id.</param>
    public string? SwitchRefusal(int task) => Word(SwitchCheck(task), "switch", "task", task);

    /// <summary>Why <see cref="Migrate"/> to <paramref name="target"/> would be refused now, or null when it would run.</summary>
    /// <param name="target">A CPU number.</param>
    public string? MigrateRefusal(int target) => Word(MigrateCheck(target), "migrate", "cpu", target);

    /// <summary>Why <see cref="IrqExit"/> would be refused now (not in interrupt context), or null.</summary>
    public string? IrqExitRefusal() => CanIrqExit() ? null : "irq_exit refused: not in interrupt context";

    /// <summary>Why <see cref="PreemptEnableOn"/> on <paramref name="cpu"/> would be refused now (preempt_count is 0), or null.</summary>
    /// <param name="cpu">A CPU number.</param>
    public string? PreemptEnableRefusal(int cpu) =>
        CanPreemptEnable(cpu) ? null : $"preempt_enable refused: preempt_count is already 0 on CPU {cpu}";

    /// <summary>True when <see cref="Switch"/> to <paramref name="task"/> would run (<see cref="SwitchRefusal"/> is null).</summary>
    /// <param name="task">A task id.</param>
    public bool CanSwitch(int task) => SwitchCheck(task).Why == Refused.No;

    /// <summary>True when <see cref="Migrate"/> to <paramref name="target"/> would run (<see cref="MigrateRefusal"/> is null).</summary>
    /// <param name="target">A CPU number.</param>
    public bool CanMigrate(int target) => MigrateCheck(target).Why == Refused.No;

    /// <summary>
    /// True when <see cref="Switch"/> to <paramref name="task"/> would run and do nothing: the task already runs here (no
    /// hook, no effect). A model checker skips such a transition: it leads back to the state it starts from.
    /// </summary>
    /// <param name="task">A task id.</param>
    public bool SwitchIdles(int task) => CurrentCpu.CurrentTask == task && CanSwitch(task);

    /// <summary>True when <see cref="Migrate"/> to <paramref name="target"/> would run and do nothing: the task already runs there.</summary>
    /// <param name="target">A CPU number.</param>
    public bool MigrateIdles(int target) => target == CurrentCpuId;

    /// <summary>True when <see cref="IrqExit"/> would run: the current CPU is in interrupt context.</summary>
    public bool CanIrqExit() => CurrentCpu.IrqDepth > 0;

    /// <summary>True when <see cref="PreemptEnableOn"/> on <paramref name="cpu"/> would run: its preempt_count is above 0.</summary>
    /// <param name="cpu">A CPU number.</param>
    public bool CanPreemptEnable(int cpu) => cpus[cpu].PreemptCount > 0;
}
