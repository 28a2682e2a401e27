using System.Text;

namespace LazyMmuGen.Runtime;

/// <summary>
/// The deterministic machine: CPUs, tasks, preemption, interrupts, page tables, pending writes and effects.
/// Single-threaded and clock-free; ops run on the CPU of the focus task. The lazy MMU API members are
/// abstract so the CLI and checker can drive any arch through one type, while the typed
/// <see cref="Machine{TArch,TTask,TCpu}"/> routes them to the statically specialised generic layer.
/// </summary>
public abstract class MachineCore
{
    private readonly Cpu[] cpus;
    private readonly RegisterFile[] registers;
    private readonly Stack<Dictionary<string, ulong>>[] savedOnIrq;
    private readonly LazyMmuState[] states;
    private readonly int[] taskCpu;

    protected MachineCore(MachineOptions options)
    {
        if (options.Cpus < 1) throw new ArgumentOutOfRangeException(nameof(options), "at least one CPU");
        if (options.MaxTasks < 2) throw new ArgumentOutOfRangeException(nameof(options), "at least one task");
        Options = options;
        cpus = Enumerable.Range(0, options.Cpus).Select(i => new Cpu(i)).ToArray();
        // System registers such as POR_EL1 are thread state on arm64 (saved and restored at context switch).
        registers = Enumerable.Range(0, options.MaxTasks).Select(_ => new RegisterFile()).ToArray();
        savedOnIrq = Enumerable.Range(0, options.Cpus).Select(_ => new Stack<Dictionary<string, ulong>>()).ToArray();
        states = new LazyMmuState[options.MaxTasks];
        taskCpu = Enumerable.Repeat(-1, options.MaxTasks).ToArray();
        Callbacks = new CallbackLog(options.Record);
        Warnings = new WarnOnceLog(options.Policy, options.Record);
        cpus[0].CurrentTask = 1;
        taskCpu[1] = 0;
    }

    /// <summary>A deep copy for model checkers (logs of the current op are not copied); see <see cref="Clone"/>.</summary>
    protected MachineCore(MachineCore source)
    {
        Options = source.Options;
        cpus = source.cpus.Select(c => c.Clone()).ToArray();
        registers = source.registers.Select(r => r.Clone()).ToArray();
        savedOnIrq = source.savedOnIrq
            .Select(stack => new Stack<Dictionary<string, ulong>>(stack.Reverse().Select(d => new Dictionary<string, ulong>(d))))
            .ToArray();
        states = (LazyMmuState[])source.states.Clone();
        taskCpu = (int[])source.taskCpu.Clone();
        Callbacks = new CallbackLog(Options.Record);
        Warnings = new WarnOnceLog(Options.Policy, Options.Record);
        Warnings.CopyFrom(source.Warnings);
        Effects.CopyFrom(source.Effects);
        PageTable.CopyFrom(source.PageTable);
        Pending.CopyFrom(source.Pending);
        CurrentCpuId = source.CurrentCpuId;
    }

    /// <summary>An independent machine in the same state, so an explorer can branch without replaying.</summary>
    public abstract MachineCore Clone();

    public MachineOptions Options { get; }
    public EffectLog Effects { get; } = new();
    public PageTable PageTable { get; } = new();
    public PendingWrites Pending { get; } = new();
    public CallbackLog Callbacks { get; }
    public WarnOnceLog Warnings { get; }
    public IPreemptionScheduler? Scheduler { get; set; }

    public abstract string ArchName { get; }
    public abstract bool HasDistinctPauseResume { get; }

    /// <summary>False when the arch does not opt in: the lazy MMU helpers are the kernel's empty stubs.</summary>
    public abstract bool HasLazyMmuMode { get; }

    public IReadOnlyList<Cpu> Cpus => cpus;
    public int CurrentCpuId { get; private set; }
    public Cpu CurrentCpu => cpus[CurrentCpuId];
    public int CurrentTaskId => cpus[CurrentCpuId].CurrentTask;
    public bool InInterrupt => cpus[CurrentCpuId].IrqDepth > 0;

    public Cpu CpuAt(int id) => cpus[id];
    /// <summary>The registers of the task running on <paramref name="cpu"/>.</summary>
    public RegisterFile Registers(int cpu) => registers[cpus[cpu].CurrentTask];

    public RegisterFile TaskRegisters(int task) => registers[task];
    public ref LazyMmuState StateOf(int task) => ref states[task];
    public ref LazyMmuState CurrentState => ref states[CurrentTaskId];

    /// <summary>The CPU a task runs on, or -1 when it is not running.</summary>
    public int CpuOf(int task) => taskCpu[task];

    public int MaxTasks => states.Length;

    /// <summary>is_lazy_mmu_mode_active() in the current context.</summary>
    public bool IsActive => !InInterrupt && states[CurrentTaskId].IsActive;

    /// <summary>Task-level variant: answers for any task regardless of the current context.</summary>
    public bool IsTaskActive(int task) => states[task].IsActive;

    // ---- the lazy MMU API, specialised per arch by Machine<TArch, TTask, TCpu> ----
    public abstract void Enable();
    public abstract void EnableWithRange(in PteRange range);
    public abstract void Disable();
    public abstract void Pause();
    public abstract void Resume();
    public abstract void SetPte(in PteWrite write);
    public abstract Pte GetPte(int mm, ulong addr);

    /// <summary>The mechanism primitives (batches, buffers, caches) a CPU's arch state holds.</summary>
    public abstract IReadOnlyList<IMechanismState> MechanismStates(int cpu);

    /// <summary>
    /// Everything that decides future behaviour, as text: equal fingerprints mean equivalent machines,
    /// which lets a model checker explore each state once. Effect counters are history, not state.
    /// </summary>
    public string Fingerprint()
    {
        var builder = new StringBuilder();
        builder.Append("f").Append(CurrentCpuId);
        foreach (var cpu in cpus)
        {
            builder.Append("|cpu").Append(cpu.Id).Append(':').Append(cpu.PreemptCount).Append(',').Append(cpu.IrqDepth).Append(',').Append(cpu.CurrentTask);
            foreach (var saved in savedOnIrq[cpu.Id])
                builder.Append(",irq{").Append(string.Join(",", saved.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"))).Append('}');
        }
        for (var t = 0; t < states.Length; t++)
        {
            builder.Append("|task").Append(t).Append(':').Append(states[t].EnableCount).Append(',').Append(states[t].PauseCount).Append(',').Append(states[t].V2Nested).Append(',').Append(taskCpu[t]);
            foreach (var (name, value) in registers[t].Values.OrderBy(r => r.Key, StringComparer.Ordinal)) builder.Append(',').Append(name).Append('=').Append(value);
        }
        // Which ptes are valid decides behaviour (an invalidation is owed only for a valid old pte: powerpc
        // hash__pte_update(), sparc64 maybe_tlb_batch_add(), s390 ptep_flush_direct()), so it is state.
        // Stored values and pending addresses are left out: nothing decides anything from them outside
        // the primitives (whose fingerprints cover what they hold), so including them only multiplies states.
        builder.Append("|valid:").Append(PageTable.ValidFingerprint());
        builder.Append("|pending:").Append(string.Join(";", Pending.All.Select(p => $"{p.Task}/{p.Mm}/{p.InInterrupt}").OrderBy(x => x, StringComparer.Ordinal)));
        builder.Append("|warn:").Append(string.Join("", Enum.GetValues<WarnSite>().Select(w => Warnings.HasFired(w) ? '1' : '0')));
        AppendArchFingerprint(builder);
        return builder.ToString();
    }

    protected abstract void AppendArchFingerprint(StringBuilder builder);

    protected abstract void ArchSwitchOut(int cpu, int task);
    protected abstract void ArchSwitchIn(int cpu, int task);

    // ---- machine operations ----
    public void IrqEnter()
    {
        var cpu = CurrentCpu;
        cpu.IrqDepth++;
        // Exception entry saves the system registers and resets them to their defaults.
        var live = Registers(cpu.Id);
        savedOnIrq[cpu.Id].Push(live.Values.ToDictionary(kv => kv.Key, kv => kv.Value));
        foreach (var name in live.Values.Keys.ToArray()) live.Reset(name);
    }

    public void IrqExit()
    {
        var cpu = CurrentCpu;
        if (cpu.IrqDepth == 0) throw new MachineRuleException("irq_exit refused: not in interrupt context");
        cpu.IrqDepth--;
        foreach (var (name, value) in savedOnIrq[cpu.Id].Pop()) Registers(cpu.Id).Write(name, value);
    }

    public void PreemptDisable() => PreemptDisableOn(CurrentCpuId);

    public void PreemptEnable() => PreemptEnableOn(CurrentCpuId);

    public void PreemptDisableOn(int cpu)
    {
        cpus[cpu].PreemptCount++;
        Effects.Add(Effect.PreemptDisable);
    }

    public void PreemptEnableOn(int cpu)
    {
        if (cpus[cpu].PreemptCount == 0)
            throw new MachineRuleException($"preempt_enable refused: preempt_count is already 0 on CPU {cpu}");
        cpus[cpu].PreemptCount--;
        Effects.Add(Effect.PreemptEnable);
    }

    /// <summary>Runs <paramref name="task"/> on the current CPU; the previous task becomes runnable.</summary>
    public void Switch(int task)
    {
        CheckTask(task);
        var cpu = CurrentCpu;
        RequireSchedulable(cpu, $"switch(task={task})");
        if (cpu.CurrentTask == task) return;
        if (taskCpu[task] >= 0)
            throw new MachineRuleException($"switch(task={task}) refused: task {task} is running on CPU {taskCpu[task]}");
        Replace(cpu, task);
    }

    /// <summary>Moves the current task to <paramref name="target"/>; refused while preemption is disabled.</summary>
    public void Migrate(int target)
    {
        if (target < 0 || target >= cpus.Length)
            throw new MachineRuleException($"migrate(cpu={target}) refused: CPUs are 0..{cpus.Length - 1}");
        var from = CurrentCpu;
        if (target == from.Id) return;
        RequireSchedulable(from, $"migrate(cpu={target})");
        RequireSchedulable(cpus[target], $"migrate(cpu={target})");
        var task = from.CurrentTask;
        Replace(from, Cpu.Idle);
        Replace(cpus[target], task);
        CurrentCpuId = target;
    }

    /// <summary>A generic-layer preemption point: the scheduler may switch or migrate here.</summary>
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

    /// <summary>Moves the focus (where ops run) to a CPU; used by schedulers that switch tasks back in.</summary>
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
        Effects.Add(Effect.ContextSwitch);
        ArchSwitchIn(cpu.Id, next);
    }

    private void CheckTask(int task)
    {
        if (task < 1 || task >= states.Length)
            throw new MachineRuleException($"task {task} does not exist: tasks are 1..{states.Length - 1}");
    }

    private static void RequireSchedulable(Cpu cpu, string op)
    {
        if (cpu.IrqDepth > 0) throw new MachineRuleException($"{op} refused: CPU {cpu.Id} is in interrupt context");
        if (cpu.PreemptCount > 0)
            throw new MachineRuleException($"{op} refused: preemption disabled on CPU {cpu.Id} (preempt_count={cpu.PreemptCount})");
    }
}
