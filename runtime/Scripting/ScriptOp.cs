namespace LazyMmuGen.Runtime.Scripting;

/// <summary>One parsed op of a trace script, with its 1-based column in the script for error messages.</summary>
/// <param name="Name">The op's name, e.g. "set_pte" (a key of <see cref="OpCatalog.Keys"/>).</param>
/// <param name="Args">Its arguments by key, as numbers (words already mapped: kind=user is 1, valid=false is 0).</param>
/// <param name="Column">The 1-based column where the op starts in the script.</param>
/// <param name="Text">The op as written, e.g. "set_pte(kind=user,addr=0x2000)": what trace rows show.</param>
public sealed record ScriptOp(string Name, IReadOnlyDictionary<string, ulong> Args, int Column, string Text)
{
    /// <summary>The argument <paramref name="key"/>, or <paramref name="fallback"/> when the op does not give it.</summary>
    /// <param name="key">An argument key, e.g. "addr".</param>
    /// <param name="fallback">The default.</param>
    public ulong Get(string key, ulong fallback) => Args.TryGetValue(key, out var value) ? value : fallback;

    /// <summary>True when the op gives <paramref name="key"/>.</summary>
    /// <param name="key">An argument key.</param>
    public bool Has(string key) => Args.ContainsKey(key);

    // Read once here rather than looked up by name on every run of the op: a model checker runs each op of its
    // alphabet millions of times.

    /// <summary>What the op is, from its name (a name the parser accepts: a key of <see cref="OpCatalog.Keys"/>).</summary>
    public OpKind Kind { get; } = Name switch
    {
        "enable" => OpKind.Enable,
        "disable" => OpKind.Disable,
        "pause" => OpKind.Pause,
        "resume" => OpKind.Resume,
        "set_pte" => OpKind.SetPte,
        "get_pte" => OpKind.GetPte,
        "irq_enter" => OpKind.IrqEnter,
        "irq_exit" => OpKind.IrqExit,
        "preempt_disable" => OpKind.PreemptDisable,
        "preempt_enable" => OpKind.PreemptEnable,
        "switch" => OpKind.Switch,
        "migrate" => OpKind.Migrate,
        _ => throw new ScriptException($"unknown op '{Name}'", Column),
    };

    /// <summary>True for the lazy MMU API: enable, disable, pause, resume.</summary>
    public bool IsApi => Kind is OpKind.Enable or OpKind.Disable or OpKind.Pause or OpKind.Resume;

    /// <summary>The task of preempt=N, or -1 when the op is not preempted.</summary>
    public int Preempt { get; } = Args.TryGetValue("preempt", out var preempt) ? (int)preempt : -1;

    /// <summary>True when the op gives start or end: an enable with them is enable_with_ptes().</summary>
    public bool Ranged { get; } = Args.ContainsKey("start") || Args.ContainsKey("end");

    /// <summary>The task of a switch or the CPU of a migrate (0 when not given).</summary>
    public int Target { get; } = (int)(Args.TryGetValue(Name == "migrate" ? "cpu" : "task", out var target) ? target : 0);

    /// <summary>A set_pte's write when it names its address (one without addr writes the runner's next page), else null.</summary>
    public PteWrite? Write { get; } = Name == "set_pte" && Args.TryGetValue("addr", out var addr) ? Scripting.TraceRunner.WriteOf(Args, addr) : null;
}
