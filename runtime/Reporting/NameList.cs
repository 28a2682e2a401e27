namespace LazyMmuGen.Runtime.Reporting;

/// <summary>
/// The comma-separated lists the tools take (--arch, --mode, --workload): one reading, so every list refuses the
/// same mistakes in the same words. An empty item (",," or a trailing comma) is refused rather than skipped, since it
/// is usually a name that was meant and lost.
/// </summary>
public static class NameList
{
    /// <summary>The items of <paramref name="text"/>, trimmed, in order, each once; null with the reason when one is empty.</summary>
    /// <param name="text">What the option was given.</param>
    /// <param name="option">The option, as the user typed it (e.g. "--mode"), to name in the error.</param>
    /// <param name="example">A valid list to show, e.g. "final,v3".</param>
    /// <param name="error">Why the list does not read, or null.</param>
    public static IReadOnlyList<string>? Split(string text, string option, string example, out string? error)
    {
        error = null;
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items is [""])
        {
            error = $"{option} names nothing; give one or more names separated by commas, e.g. {option} {example}.";
            return null;
        }
        var names = new List<string>();
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i].Length == 0)
            {
                error = $"{option} '{text}': item {i + 1} of {items.Length} is empty; separate names with one comma and no trailing comma, e.g. {option} {example}.";
                return null;
            }
            if (!names.Contains(items[i], StringComparer.Ordinal)) names.Add(items[i]);
        }
        return names;
    }

    /// <summary>
    /// The items of a <see cref="Split"/> list as what they name: 'all' (anywhere in the list) is every item of
    /// <paramref name="all"/>, and an item named twice is there once, where it was first named ('all,v2' is the
    /// defaults and v2). Null with <paramref name="unknown"/> the first name no item of <paramref name="known"/> has.
    /// </summary>
    /// <param name="names">The list's items.</param>
    /// <param name="known">Every item a name may name.</param>
    /// <param name="nameOf">An item's name.</param>
    /// <param name="all">What 'all' names (a subset of <paramref name="known"/>: simulate's 'all' leaves v2 out).</param>
    /// <param name="unknown">The first unknown name, or null.</param>
    public static IReadOnlyList<T>? Resolve<T>(IReadOnlyList<string> names, IReadOnlyList<T> known, Func<T, string> nameOf, IReadOnlyList<T> all, out string? unknown)
    {
        unknown = null;
        var items = new List<T>();
        foreach (var name in names)
        {
            if (name == All)
            {
                items.AddRange(all);
                continue;
            }
            var index = -1;
            for (var i = 0; i < known.Count; i++)
            {
                if (nameOf(known[i]) != name) continue;
                index = i;
                break;
            }
            if (index < 0)
            {
                unknown = name;
                return null;
            }
            items.Add(known[index]);
        }
        return items.Distinct().ToList();
    }

    /// <summary>The name that stands for every item of a list.</summary>
    public const string All = "all";
}
