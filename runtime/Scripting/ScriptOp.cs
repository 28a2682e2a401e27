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
}
