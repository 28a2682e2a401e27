namespace LazyMmuGen.Runtime.Scripting;

/// <summary>The ops a trace script may use and the keys each accepts (values are numbers or words).</summary>
public static class OpCatalog
{
    /// <summary>
    /// Every op by name, with the argument keys it accepts. set_pte's keys are <see cref="PteWrite"/>'s fields
    /// (snake_case); preempt=N on an API op preempts to task N at its preemption point (<see cref="PreemptOnce"/>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Keys = new Dictionary<string, string[]>
    {
        ["enable"] = ["mm", "start", "end", "preempt"],
        ["disable"] = ["preempt"],
        ["pause"] = ["preempt"],
        ["resume"] = ["preempt"],
        ["irq_enter"] = [],
        ["irq_exit"] = [],
        ["set_pte"] = ["kind", "valid", "mm", "addr", "value", "page_shift", "segment_shift"],
        ["get_pte"] = ["addr", "mm"],
        ["switch"] = ["task"],
        ["migrate"] = ["cpu"],
        ["preempt_disable"] = [],
        ["preempt_enable"] = [],
    };

    /// <summary>Keys without which the op means nothing.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Required = new Dictionary<string, string[]>
    {
        ["switch"] = ["task"],
        ["migrate"] = ["cpu"],
        ["get_pte"] = ["addr"],
    };

    /// <summary>Word values, mapped to numbers so every argument is a ulong.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, ulong>> Words =
        new Dictionary<string, IReadOnlyDictionary<string, ulong>>
        {
            ["kind"] = new Dictionary<string, ulong> { ["kernel"] = 0, ["user"] = 1 },
            ["valid"] = new Dictionary<string, ulong> { ["false"] = 0, ["true"] = 1 },
        };
}
