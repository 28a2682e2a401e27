using System;

namespace LazyMmuGen.Generator.Model;

/// <summary>
/// Keeps the one value built for the most recent key: what a compilation uses changes only when a consumer
/// edits an input, so one entry is enough, and equal keys (equatable records) reuse the built value.
/// </summary>
public sealed class LastBuilt<TKey, TValue>(Func<TKey, TValue> build) where TKey : class
{
    private readonly object gate = new();
    private TKey? lastKey;
    private TValue last = default!;

    public TValue For(TKey key)
    {
        lock (gate)
        {
            if (key.Equals(lastKey)) return last;
            last = build(key);
            lastKey = key;
            return last;
        }
    }
}
