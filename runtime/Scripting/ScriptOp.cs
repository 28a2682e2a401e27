namespace LazyMmuGen.Runtime.Scripting;

/// <summary>One parsed op of a trace script, with its 1-based column in the script for error messages.</summary>
public sealed record ScriptOp(string Name, IReadOnlyDictionary<string, ulong> Args, int Column, string Text)
{
    public ulong Get(string key, ulong fallback) => Args.TryGetValue(key, out var value) ? value : fallback;

    public bool Has(string key) => Args.ContainsKey(key);
}
