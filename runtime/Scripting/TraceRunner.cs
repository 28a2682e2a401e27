namespace LazyMmuGen.Runtime.Scripting;

/// <summary>
/// Runs a parsed script on a machine and reports one <see cref="TraceRow"/> per op. A refused op
/// (machine rule, strict misuse) becomes a row with an error and the trace goes on; an arch BUG stops it.
/// </summary>
/// <param name="machine">The machine the ops run on; its state carries over from op to op.</param>
public sealed class TraceRunner(MachineCore machine)
{
    private ulong nextPage = 1;

    /// <summary>The machine the ops run on.</summary>
    public MachineCore Machine => machine;

    /// <summary>The pte write of the last set_pte op (its defaults resolved), for checkers that read it back.</summary>
    public PteWrite? LastWrite { get; private set; }

    /// <summary>A runner over a clone of the machine, continuing the same default-address sequence.</summary>
    public TraceRunner Clone() => new(machine.Clone()) { nextPage = nextPage, LastWrite = LastWrite };

    /// <summary>Makes this runner a copy of <paramref name="source"/> in place (its machine through <see cref="MachineCore.CopyFrom"/>).</summary>
    /// <param name="source">A runner of a machine of the same arch and options.</param>
    public void CopyFrom(TraceRunner source)
    {
        machine.CopyFrom(source.Machine);
        nextPage = source.nextPage;
        LastWrite = source.LastWrite;
    }

    /// <summary>
    /// Runs the ops one by one (lazily, as the result is enumerated), stopping after a row whose error ends the run
    /// (<see cref="Ends"/>: an arch BUG, an exception the arch code threw, a page-table store that faulted): the model checker's "arch code completes without
    /// exceptions" counterexamples replay to that row instead of ending the trace with an unhandled exception.
    /// </summary>
    /// <param name="ops">Parsed ops (<see cref="OpScript.Parse"/>).</param>
    public IEnumerable<TraceRow> Run(IEnumerable<ScriptOp> ops)
    {
        foreach (var op in ops)
        {
            var before = machine.Effects.Snapshot();
            (string? Result, string? Error) outcome;
            try
            {
                outcome = Advance(op);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The machine is half-way through the op, so nothing after this row would mean anything.
                outcome = (null, ThrewPrefix + ThrowSite.Describe(e));
            }
            var row = Row(op, before, outcome.Result, outcome.Error);
            yield return row;
            if (Ends(row.Error)) yield break;
        }
    }

    /// <summary>
    /// True for an error the kernel would not survive, after which nothing in the trace would mean anything: an arch
    /// BUG, arch code that threw, and a page-table store that faulted. A kernel-mode write to a page a pkey protects
    /// is not fixed up: arch/arm64/mm/fault.c, __do_kernel_fault(), ends in die_kernel_fault() ("Unable to handle kernel
    /// paging request"), an oops, as a kpkeys write fault was reported doing in the zsmalloc thread of the series.
    /// </summary>
    /// <param name="error">A row's error, or null.</param>
    public static bool Ends(string? error) =>
        error is not null && (error.StartsWith("BUG", StringComparison.Ordinal) || error.StartsWith(ThrewPrefix, StringComparison.Ordinal)
            || error.StartsWith(PteStoreFaultException.Prefix, StringComparison.Ordinal));

    /// <summary>How a row's error starts when the arch code threw: "arch code threw IndexOutOfRangeException: ... (thrown in TlbBatch.Append, TlbBatch.cs:88)" (<see cref="ThrowSite"/>).</summary>
    public const string ThrewPrefix = "arch code threw ";

    /// <summary>
    /// Runs one op and reports it. A set_pte without addr writes the next page not yet written in this trace (0x1000,
    /// 0x2000, ...), a kernel, valid pte in mm 1 whose value is the page number.
    /// </summary>
    /// <param name="op">The op.</param>
    /// <returns>The row; a refused op (machine rule, strict misuse, arch BUG) has <see cref="TraceRow.Error"/> set instead of throwing.</returns>
    public TraceRow Step(ScriptOp op)
    {
        var before = machine.Effects.Snapshot();
        var (result, error) = Advance(op);
        return Row(op, before, result, error);
    }

    private TraceRow Row(ScriptOp op, EffectCounts before, string? result, string? error)
    {
        var state = machine.CurrentState;
        return new TraceRow(op.Text, machine.Callbacks.Calls.ToArray(), state.EnableCount, state.PauseCount,
            machine.IsActive, machine.Warnings.Emitted.ToArray(), machine.Pending.Count,
            machine.Effects.Snapshot().Minus(before), machine.CurrentTaskId, machine.CurrentCpuId, result, error);
    }

    // Rearmed by each op written with preempt=N.
    private PreemptOnce? preemptOnce;

    /// <summary>
    /// Runs one op as <see cref="Step"/> does, without building its row: the callbacks and warnings of the op are
    /// in <see cref="MachineCore.Callbacks"/> and <see cref="MachineCore.Warnings"/> afterwards. What a model checker
    /// calls for each of its millions of transitions.
    /// </summary>
    /// <param name="op">The op.</param>
    /// <param name="formatResult">False to leave get_pte's result out (null): a checker reads it itself, and formatting it allocates.</param>
    /// <returns>get_pte's result, and the error text of a refused op or an arch BUG ("BUG: ..."), else nulls.</returns>
    public (string? Result, string? Error) Advance(ScriptOp op, bool formatResult = true)
    {
        machine.Callbacks.Clear();
        machine.Warnings.ClearEmitted();
        var scheduler = machine.Scheduler;
        try
        {
            if (PreemptsNoTask(op)) return (null, RefusalText(op));
            if (op.Preempt >= 0)
            {
                preemptOnce ??= new PreemptOnce(0);
                preemptOnce.Rearm(op.Preempt);
                machine.Scheduler = preemptOnce;
            }
            return (Apply(op, formatResult), null);
        }
        catch (MachineRuleException e)
        {
            return (null, e.Message);
        }
        catch (LazyMmuMisuseException e)
        {
            return (null, e.Message);
        }
        catch (ArchBugException e)
        {
            return (null, "BUG: " + e.Message);
        }
        catch (PteStoreFaultException e)
        {
            return (null, PteStoreFaultException.Prefix + e.Message);
        }
        finally
        {
            machine.Scheduler = scheduler;
        }
    }

    /// <summary>
    /// The machine rule <paramref name="op"/> would break (switch, migrate, irq_exit, preempt_enable), checked without
    /// running it; null when it would run. A refused op changes nothing, so a model checker skips it without cloning.
    /// </summary>
    /// <param name="op">The op.</param>
    public string? Refusal(ScriptOp op) => Refuses(op) ? RefusalText(op) : null;

    /// <summary>True when <see cref="Refusal"/> is not null, told without formatting why (a checker asks for every op).</summary>
    /// <param name="op">The op.</param>
    public bool Refuses(ScriptOp op) => PreemptsNoTask(op) || op.Kind switch
    {
        OpKind.Switch => !machine.CanSwitch(op.Target),
        OpKind.Migrate => !machine.CanMigrate(op.Target),
        OpKind.IrqExit => !machine.CanIrqExit(),
        OpKind.PreemptEnable => !machine.CanPreemptEnable(machine.CurrentCpuId),
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="op"/> would run and change nothing (<see cref="MachineCore.SwitchIdles"/>,
    /// <see cref="MachineCore.MigrateIdles"/>): a switch to the running task, a migration to the CPU it runs on.
    /// </summary>
    /// <param name="op">The op.</param>
    public bool Idles(ScriptOp op) => op.Kind switch
    {
        OpKind.Switch => machine.SwitchIdles(op.Target),
        OpKind.Migrate => machine.MigrateIdles(op.Target),
        _ => false,
    };

    /// <summary>
    /// True for preempt=N naming no task, refused as switch(task=N) is, instead of running the op unpreempted in
    /// silence. preempt= the running task or one running on another CPU does run unpreempted: that is the machine's
    /// state, not a typo, and the model checker's alphabet reaches it.
    /// </summary>
    private bool PreemptsNoTask(ScriptOp op) => op.Preempt >= 0 && (op.Preempt < 1 || op.Preempt >= machine.MaxTasks);

    private string? RefusalText(ScriptOp op) => PreemptsNoTask(op)
        ? $"{op.Name}(preempt={op.Preempt}) refused: task {op.Preempt} does not exist: tasks are 1..{machine.MaxTasks - 1}"
        : op.Name switch
    {
        "switch" => machine.SwitchRefusal((int)op.Get("task", 0)),
        "migrate" => machine.MigrateRefusal((int)op.Get("cpu", 0)),
        "irq_exit" => machine.IrqExitRefusal(),
        "preempt_enable" => machine.PreemptEnableRefusal(machine.CurrentCpuId),
        _ => null,
    };

    private string? Apply(ScriptOp op, bool formatResult)
    {
        switch (op.Kind)
        {
            case OpKind.Enable when op.Ranged:
                machine.EnableWithRange(new PteRange((int)op.Get("mm", 1), op.Get("start", 0), op.Get("end", 0)));
                break;
            case OpKind.Enable: machine.Enable(); break;
            case OpKind.Disable: machine.Disable(); break;
            case OpKind.Pause: machine.Pause(); break;
            case OpKind.Resume: machine.Resume(); break;
            case OpKind.IrqEnter: machine.IrqEnter(); break;
            case OpKind.IrqExit: machine.IrqExit(); break;
            case OpKind.PreemptDisable: machine.PreemptDisable(); break;
            case OpKind.PreemptEnable: machine.PreemptEnable(); break;
            case OpKind.Switch: machine.Switch(op.Target); break;
            case OpKind.Migrate: machine.Migrate(op.Target); break;
            case OpKind.GetPte:
                var read = machine.GetPte((int)op.Get("mm", 1), op.Get("addr", 0));
                return formatResult ? read.ToString() : null;
            case OpKind.SetPte:
                LastWrite = ToWrite(op);
                machine.SetPte(LastWrite.Value);
                break;
        }
        return null;
    }

    /// <summary>Defaults: kernel, valid, mm 1, the next page not yet written in this trace.</summary>
    private PteWrite ToWrite(ScriptOp op)
    {
        var write = op.Write ?? WriteOf(op.Args, nextPage * 0x1000);
        nextPage = Math.Max(nextPage, write.Addr / 0x1000 + 1);
        return write;
    }

    /// <summary>The write of a set_pte with these arguments at <paramref name="addr"/>: the defaults of <see cref="Step"/>.</summary>
    internal static PteWrite WriteOf(IReadOnlyDictionary<string, ulong> args, ulong addr)
    {
        ulong Get(string key, ulong fallback) => args.TryGetValue(key, out var value) ? value : fallback;
        return new PteWrite(
            (int)Get("mm", 1),
            addr,
            Get("kind", 0) == 1 ? PteKind.User : PteKind.Kernel,
            Get("valid", 1) == 1,
            Get("value", addr / 0x1000),
            (byte)Get("page_shift", 12),
            (byte)Get("segment_shift", 28));
    }
}
