using LazyMmuGen.Runtime;

namespace LazyMmuGen.Checker.Oracle;

/// <summary>
/// A reference model of the generic layer, written from docs/contract.md and NOT calling the runtime's
/// LazyMmu classes: per-task counters as plain ints with explicit u8 wrap, per revision. It answers
/// "which callbacks, which counters, which first-time warnings" for every API call. V2 (seed "[PATCH v2
/// 2/7] mm: introduce local state for lazy_mmu sections") has no counters: per task it keeps the stack of
/// states the callers' enter() calls returned and the arch's "mode on" flag, and reports them in the
/// runtime's encoding only through <see cref="Counters"/> and <see cref="V2NestedMask"/>.
/// </summary>
/// <param name="revision">The revision whose rules it applies.</param>
/// <param name="distinctPauseResume">True when pause/resume call the arch's pause/resume instead of leave/enter.</param>
/// <param name="hasLazyMmuMode">False for an arch that does not opt in: every call is an empty stub.</param>
public sealed class ContractOracle(GenericRevision revision, bool distinctPauseResume, bool hasLazyMmuMode = true)
{
    // Sorted by task, and an entry back at its default is removed (SetCounters, SetV2): a task back at (0, 0) or an
    // empty v2 stack answers as one never seen, so the state written is the same, and a copy is one array copy.
    private readonly SmallMap<int, (int Enable, int Pause)> tasks = new();
    /// <summary>The warning sites, in the order of the bits of <see cref="fired"/>.</summary>
    private static readonly string[] Sites =
    [
        "enable-overflow", "disable-underflow", "pause-overflow", "resume-underflow",
        "v3-enable-while-paused", "v3-nested-pause", "v3-resume-without-pause",
    ];

    /// <summary>The sites that fired, bit i for <see cref="Sites"/>[i].</summary>
    private int fired;

    /// <summary>V2 per task: the returned states bottom to top ('D' = LAZY_MMU_DEFAULT, 'N' = LAZY_MMU_NESTED) and the mode flag.</summary>
    private readonly SmallMap<int, (string States, bool On)> v2 = new();

    /// <summary>
    /// The counters the machine's LazyMmuState must hold. V2: (depth, 1 when the mode is off although
    /// sections are open, else 0).
    /// </summary>
    /// <param name="task">A task id; a task never seen has (0, 0).</param>
    public (int Enable, int Pause) Counters(int task)
    {
        if (revision != GenericRevision.V2) return tasks.GetValueOrDefault(task, default);
        var (states, on) = V2State(task);
        return (states.Length, states.Length > 0 && !on ? 1 : 0);
    }

    /// <summary>What LazyMmuState.V2Nested must hold: bit i set when state i is NESTED, for the first 64 states; 0 outside v2.</summary>
    /// <param name="task">A task id.</param>
    public ulong V2NestedMask(int task)
    {
        if (revision != GenericRevision.V2) return 0;
        var states = V2State(task).States;
        ulong mask = 0;
        for (var i = 0; i < Math.Min(states.Length, V2TrackedDepth); i++)
        {
            if (states[i] == 'N') mask |= 1UL << i;
        }
        return mask;
    }

    /// <summary>An independent oracle in the same state, to branch with a cloned machine.</summary>
    public ContractOracle Clone()
    {
        var copy = new ContractOracle(revision, distinctPauseResume, hasLazyMmuMode);
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>Makes this oracle a copy of <paramref name="source"/> in place (a model checker's scratch run).</summary>
    /// <param name="source">An oracle of the same revision and arch flags.</param>
    public void CopyFrom(ContractOracle source)
    {
        tasks.CopyFrom(source.tasks);
        v2.CopyFrom(source.v2);
        fired = source.fired;
    }

    // Apply's results, reused from call to call; not state (CopyFrom and WriteState leave them out), and made at the
    // first Apply, so the stored runs of a model checker, which never step, carry none.
    private List<OracleCallback>? calls;
    private List<string>? warnings;

    /// <summary>What is_lazy_mmu_mode_active() must answer for <paramref name="task"/>.</summary>
    /// <param name="task">A task id.</param>
    /// <param name="inInterrupt">True in interrupt context, where the answer is always false.</param>
    public bool IsActive(int task, bool inInterrupt)
    {
        if (revision == GenericRevision.V2) return !inInterrupt && V2State(task).On;
        var (enable, pause) = Counters(task);
        return !inInterrupt && enable > 0 && pause == 0;
    }

    /// <summary>Writes the oracle's state (counters or v2 stacks per task, and the warnings fired) into a state key.</summary>
    /// <param name="writer">The state being written.</param>
    public void WriteState(StateWriter writer)
    {
        // In task order, and only tasks off their defaults (the maps hold no other).
        writer.Label("tasks").Count(tasks.Count);
        foreach (var (task, (enable, pause)) in tasks) writer.Int(task).Int(enable).Int(pause);
        writer.Label("|v2").Count(v2.Count);
        foreach (var (task, (states, on)) in v2) writer.Int(task).Text(states).Bool(on);
        writer.Label("|fired").Int(fired);
    }

    /// <summary>The oracle's state as text (<see cref="WriteState"/> through a text writer).</summary>
    public string Fingerprint()
    {
        return StateWriter.Render(WriteState);
    }

    /// <summary>Applies one API call and returns what the arch must see plus the warnings that fire for the first time.</summary>
    /// <param name="op">"enable", "disable", "pause" or "resume"; anything else changes nothing.</param>
    /// <param name="task">The calling task.</param>
    /// <param name="inInterrupt">True in interrupt context, where every call is a no-op.</param>
    /// <returns>
    /// The expected callbacks in order, and the warning sites ("disable-underflow", ...) firing for the first time:
    /// lists this oracle reuses, valid until its next Apply (a checker applies one op per transition, millions of them).
    /// </returns>
    public (List<OracleCallback> Callbacks, List<string> NewWarnings) Apply(string op, int task, bool inInterrupt)
    {
        var calls = this.calls ??= [];
        var warnings = this.warnings ??= [];
        calls.Clear();
        warnings.Clear();
        // In interrupt context every helper returns at once; without CONFIG_ARCH_HAS_LAZY_MMU_MODE every
        // helper is an empty stub (include/linux/pgtable.h).
        if (inInterrupt || !hasLazyMmuMode) return (calls, warnings);
        if (revision == GenericRevision.V2)
        {
            SetV2(task, V2(op, V2State(task), calls, warnings));
            return (calls, warnings);
        }
        var (e, p) = Counters(task);
        switch (revision)
        {
            case GenericRevision.Final: Final(op, ref e, ref p, calls, warnings); break;
            case GenericRevision.V3: V3(op, ref e, ref p, calls, warnings); break;
            default: Legacy(op, ref e, ref p, calls); break;
        }
        SetCounters(task, (e, p));
        return (calls, warnings);
    }

    private void Final(string op, ref int e, ref int p, List<OracleCallback> calls, List<string> warnings)
    {
        switch (op)
        {
            case "enable" when p == 0:
                if (e == 255) Warn("enable-overflow", warnings);
                e = (e + 1) & 0xFF;
                if (e == 1) calls.Add(OracleCallback.Enter);
                break;
            case "disable" when p == 0:
                if (e == 0) Warn("disable-underflow", warnings);
                e = (e - 1) & 0xFF;
                calls.Add(e == 0 ? OracleCallback.Leave : OracleCallback.Flush);
                break;
            case "pause":
                if (p == 255) Warn("pause-overflow", warnings);
                var wasUnpaused = p == 0;
                p = (p + 1) & 0xFF;
                if (wasUnpaused && e > 0) calls.Add(distinctPauseResume ? OracleCallback.Pause : OracleCallback.Leave);
                break;
            case "resume":
                if (p == 0) Warn("resume-underflow", warnings);
                p = (p - 1) & 0xFF;
                if (p == 0 && e > 0) calls.Add(distinctPauseResume ? OracleCallback.Resume : OracleCallback.Enter);
                break;
        }
    }

    private void V3(string op, ref int count, ref int paused, List<OracleCallback> calls, List<string> warnings)
    {
        switch (op)
        {
            case "enable":
                if (paused != 0) Warn("v3-enable-while-paused", warnings);
                if (count == 255) Warn("enable-overflow", warnings);
                count = (count + 1) & 0xFF;
                if (count == 1)
                {
                    paused = 0;
                    calls.Add(OracleCallback.Enter);
                }
                break;
            case "disable":
                if (count == 0) Warn("disable-underflow", warnings);
                count = (count - 1) & 0xFF;
                if (count == 0) paused = 0;
                calls.Add(count == 0 ? OracleCallback.Leave : OracleCallback.Flush);
                break;
            case "pause" when count > 0:
                if (paused != 0) Warn("v3-nested-pause", warnings);
                paused = 1;
                calls.Add(OracleCallback.Leave);
                break;
            case "resume" when count > 0:
                if (paused == 0) Warn("v3-resume-without-pause", warnings);
                paused = 0;
                calls.Add(OracleCallback.Enter);
                break;
        }
    }

    /// <summary>States a LazyMmuState.V2Nested can hold; a deeper state counts as NESTED (the runtime's documented limit).</summary>
    private const int V2TrackedDepth = 64;

    /// <summary>The v2 depth is a u8 in the runtime: an enable at 255 open sections warns and is ignored.</summary>
    private const int V2MaxDepth = 255;

    private (string States, bool On) V2State(int task) => v2.GetValueOrDefault(task, ("", false));

    private void SetCounters(int task, (int Enable, int Pause) counters)
    {
        if (counters == default) tasks.Remove(task);
        else tasks[task] = counters;
    }

    private void SetV2(int task, (string States, bool On) state)
    {
        if (state is ("", false)) v2.Remove(task);
        else v2[task] = state;
    }

    /// <summary>
    /// v2: enter() returns NESTED when the mode is on (no arch work), else DEFAULT and enters;
    /// leave(state) always flushes and leaves the mode only for DEFAULT; pause = leave(DEFAULT) when the
    /// mode is on; resume = enter() when the mode is off inside a section. A DEFAULT leave with the mode
    /// already off makes no call (the model's choice: C would leave a second time, and a strict Xen leave_lazy() BUGs).
    /// </summary>
    private (string, bool) V2(string op, (string States, bool On) state, List<OracleCallback> calls, List<string> warnings)
    {
        var (states, on) = state;
        switch (op)
        {
            case "enable":
                if (states.Length == V2MaxDepth)
                {
                    Warn("enable-overflow", warnings);
                    break;
                }
                // What the caller's local holds; beyond 64 states the runtime can only record NESTED.
                states += on || states.Length >= V2TrackedDepth ? 'N' : 'D';
                if (!on)
                {
                    on = true;
                    calls.Add(OracleCallback.Enter);
                }
                break;
            case "disable":
                if (states.Length == 0)
                {
                    Warn("disable-underflow", warnings);
                    break;
                }
                var top = states[^1];
                states = states[..^1];
                if (top == 'N') calls.Add(OracleCallback.Flush);
                else if (on)
                {
                    on = false;
                    calls.Add(OracleCallback.Leave);
                }
                break;
            case "pause" when on:
                on = false;
                calls.Add(distinctPauseResume ? OracleCallback.Pause : OracleCallback.Leave);
                break;
            case "resume" when !on && states.Length > 0:
                on = true;
                calls.Add(distinctPauseResume ? OracleCallback.Resume : OracleCallback.Enter);
                break;
        }
        return (states, on);
    }

    private static void Legacy(string op, ref int flag, ref int paused, List<OracleCallback> calls)
    {
        paused = 0;
        var entering = op is "enable" or "resume";
        flag = entering ? 1 : 0;
        calls.Add(entering ? OracleCallback.Enter : OracleCallback.Leave);
    }

    private void Warn(string site, List<string> warnings)
    {
        var bit = 1 << Array.IndexOf(Sites, site);
        if ((fired & bit) != 0) return;
        fired |= bit;
        warnings.Add(site);
    }
}
