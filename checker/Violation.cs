using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker;

/// <summary>A broken property and the shortest op sequence that breaks it.</summary>
/// <param name="Arch">The arch's name.</param>
/// <param name="Property">
/// The broken property as the checker names it, e.g. "guarantee 1: writes complete after disable" or "no arch BUG";
/// a descriptor's <c>expected-violation:</c> names one of these.
/// </param>
/// <param name="Detail">What was observed, e.g. "write to 0x1000 still pending".</param>
/// <param name="Ops">The op sequence, one trace-script op per element, from a fresh machine.</param>
public sealed record Violation(string Arch, string Property, string Detail, IReadOnlyList<string> Ops)
{
    /// <summary>The ops as one trace script ("enable;set_pte;disable").</summary>
    public string Script => string.Join(";", Ops);

    /// <summary>
    /// The command that replays the sequence and shows the verdict: <c>lazymmu trace --arch NAME --ops "..." --check</c>
    /// (<see cref="ModelChecker.Replay(ArchInfo, GenericRevision, IReadOnlyList{ScriptOp})"/> after each op, exit 1 on the broken property).
    /// </summary>
    public string Reproduce => $"lazymmu trace --arch {Arch} --ops \"{Script}\" --check";
}
