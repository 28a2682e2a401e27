using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LazyMmuGen.Generator.Model;

/// <summary>A location kept as plain values; a Roslyn <see cref="Location"/> is built only when reporting.</summary>
public sealed record LocationInfo(string Path, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(Path, Span, LineSpan);

    /// <summary>1-based line and column, as editors and the README show them.</summary>
    public int Line => LineSpan.Start.Line + 1;

    public int Column => LineSpan.Start.Character + 1;

    public static LocationInfo FileStart(string path) =>
        new(path, new TextSpan(0, 0), new LinePositionSpan(new LinePosition(0, 0), new LinePosition(0, 0)));
}
