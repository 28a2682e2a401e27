using System.Collections;

namespace LazyMmuGen.Runtime;

/// <summary>
/// A map kept as one array sorted by key: for the few entries a machine or a checker's oracle holds (a page table of
/// a handful of ptes, a counter pair per task), a binary search beats hashing, a copy is one array copy, enumeration
/// is in key order without sorting, and a model checker's stored state is one object and one array instead of a
/// dictionary's three.
/// </summary>
/// <typeparam name="TKey">The key: ordered, compared by <see cref="IComparable{T}"/>.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public sealed class SmallMap<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : IComparable<TKey>
{
    private KeyValuePair<TKey, TValue>[] entries = [];

    /// <summary>The number of entries.</summary>
    public int Count { get; private set; }

    /// <summary>The value at <paramref name="key"/>: set adds or replaces; get throws when there is none.</summary>
    /// <param name="key">The key.</param>
    /// <exception cref="KeyNotFoundException">Get of a key with no entry.</exception>
    public TValue this[TKey key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no entry for {key}");
        set
        {
            var i = IndexOf(key);
            if (i >= 0)
            {
                entries[i] = new(key, value);
                return;
            }
            i = ~i;
            if (Count == entries.Length) Array.Resize(ref entries, Math.Max(4, Count * 2));
            Array.Copy(entries, i, entries, i + 1, Count - i);
            entries[i] = new(key, value);
            Count++;
        }
    }

    /// <summary>True and the value when <paramref name="key"/> has an entry.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, or default.</param>
    public bool TryGetValue(TKey key, out TValue value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? entries[i].Value : default!;
        return i >= 0;
    }

    /// <summary>The value at <paramref name="key"/>, or <paramref name="fallback"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="fallback">What a key with no entry gives.</param>
    public TValue GetValueOrDefault(TKey key, TValue fallback) => IndexOf(key) is var i and >= 0 ? entries[i].Value : fallback;

    /// <summary>True when <paramref name="key"/> has an entry.</summary>
    /// <param name="key">The key.</param>
    public bool ContainsKey(TKey key) => IndexOf(key) >= 0;

    /// <summary>Removes the entry at <paramref name="key"/>; true when there was one.</summary>
    /// <param name="key">The key.</param>
    public bool Remove(TKey key)
    {
        var i = IndexOf(key);
        if (i < 0) return false;
        Array.Copy(entries, i + 1, entries, i, Count - i - 1);
        entries[--Count] = default;
        return true;
    }

    /// <summary>Removes every entry (the array is kept for reuse).</summary>
    public void Clear()
    {
        entries.AsSpan(0, Count).Clear();
        Count = 0;
    }

    /// <summary>Makes this map a copy of <paramref name="source"/> (values are copied as they are: shallow).</summary>
    /// <param name="source">The map to copy.</param>
    public void CopyFrom(SmallMap<TKey, TValue> source)
    {
        if (entries.Length < source.Count) entries = new KeyValuePair<TKey, TValue>[source.Count];
        else if (Count > source.Count) entries.AsSpan(source.Count, Count - source.Count).Clear();
        source.entries.AsSpan(0, source.Count).CopyTo(entries);
        Count = source.Count;
    }

    /// <summary>The entry at <paramref name="index"/> in key order (0 to <see cref="Count"/> - 1).</summary>
    /// <param name="index">The position.</param>
    public KeyValuePair<TKey, TValue> At(int index) => (uint)index < (uint)Count ? entries[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The entries in key order; a struct enumerator, so a foreach allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(TKey key)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var order = entries[mid].Key.CompareTo(key);
            if (order == 0) return mid;
            if (order < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }

    /// <summary>Enumerates a <see cref="SmallMap{TKey,TValue}"/> in key order; the map must not change meanwhile.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
    {
        private readonly SmallMap<TKey, TValue> map;
        private int index;

        internal Enumerator(SmallMap<TKey, TValue> map)
        {
            this.map = map;
            index = -1;
        }

        /// <inheritdoc/>
        public readonly KeyValuePair<TKey, TValue> Current => map.entries[index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++index < map.Count;

        /// <inheritdoc/>
        public void Reset() => index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
