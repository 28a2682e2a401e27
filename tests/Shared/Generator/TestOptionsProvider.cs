using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMmuGen.Tests.Shared;

/// <summary>
/// Global analyzer-config options (build_property.*) as the compiler would pass them, and per-file item
/// metadata (build_metadata.AdditionalFiles.*) for the additional files given with <see cref="With"/>.
/// </summary>
public sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? perFile = null) : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        perFile is not null && perFile.TryGetValue(textFile.Path, out var values) ? new DictionaryOptions(values) : Empty;

    /// <summary>A copy where the additional file at <paramref name="path"/> also has <paramref name="key"/> = <paramref name="value"/>.</summary>
    public TestOptionsProvider With(string path, string key, string value)
    {
        var files = perFile?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? new Dictionary<string, IReadOnlyDictionary<string, string>>();
        var entries = files.TryGetValue(path, out var existing) ? existing.ToDictionary(kv => kv.Key, kv => kv.Value) : new Dictionary<string, string>();
        entries[key] = value;
        files[path] = entries;
        return new TestOptionsProvider(global, files);
    }

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
