using System.Collections.Immutable;
using System.Globalization;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Emit;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Generator.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace LazyMmuGen.Fuzz;

/// <summary>
/// One descriptor file through the generator's descriptor path, as <c>LazyMmuGenerator</c> runs it for one
/// <c>*.arch.yaml</c>: the bytes decoded (UTF-8, BOM honoured), <see cref="DescriptorParser.Parse"/>
/// (YAML tree reader, parser, validation against the built-in mechanism catalog), the cross-file duplicate check,
/// and, for an accepted descriptor, <see cref="ArchEmitter.Emit"/> with the built-in templates. Nothing is caught
/// here: an exception that escapes is a crash for afl-fuzz.
/// <para>
/// The generator never lets an exception out of Parse or Emit: it turns one into LMG0099 (or, in Emit, LMG0021).
/// So the generator's "never crashes" rule is checked on what comes back, and a broken rule is thrown as a
/// <see cref="FuzzFinding"/>: an LMG0099 anywhere; a rejected descriptor with no diagnostic; a diagnostic
/// without a location, or located outside the descriptor's text (or with line/column that disagree with its
/// offsets, as the compiler counts lines); a diagnostic whose message does not format; the same text parsing to
/// unequal results (the incremental pipeline caches on that equality); an accepted descriptor that the built-in
/// templates fail to render.
/// </para>
/// </summary>
public static class DescriptorTarget
{
    public const string ProjectDir = "/fuzz/project/";
    public const string DescriptorPath = ProjectDir + "fuzzed.arch.yaml";

    private static readonly Catalog Catalog = CatalogCache.For(MechanismChoice.BuiltinOnly).Catalog;
    private static readonly TemplateSet Templates = TemplateSetCache.For(TemplateChoice.BuiltinOnly).Set;
    private static readonly GeneratorOptions Options = new(GeneratorOptions.DefaultNamespace, ProjectDir, true);

    /// <summary>What one input did: rejected with diagnostics, or accepted and rendered.</summary>
    public sealed record Outcome(ImmutableArray<DiagnosticInfo> Diagnostics, string? Source);

    public static void Run(Stream input)
    {
        using var memory = new MemoryStream();
        input.CopyTo(memory);
        Run(memory.ToArray());
    }

    public static Outcome Run(byte[] bytes)
    {
        // UTF-8 unless a BOM says otherwise, invalid bytes as U+FFFD. (The command-line compiler falls back to
        // Windows-1252 for a file that is not valid UTF-8; either way the reader gets some Unicode text, and any text
        // but a lone surrogate can come as valid UTF-8 too, so a finding holds for the compiler's decoding as well.)
        var text = SourceText.From(bytes, bytes.Length);
        var ct = CancellationToken.None;

        var parsed = DescriptorParser.Parse(DescriptorPath, text, OptionsReader.RelativePath(DescriptorPath, ProjectDir), ct, Catalog);
        CheckDiagnostics(parsed.Diagnostics, text, "parse");
        // The incremental pipeline caches on value equality: the same text must parse to an equal result.
        var again = DescriptorParser.Parse(DescriptorPath, SourceText.From(bytes, bytes.Length), parsed.RelativePath, ct, Catalog);
        if (!again.Equals(parsed)) throw new FuzzFinding("the same text parsed twice gives unequal results (breaks the generator's caching)");
        if (parsed.Spec is null)
        {
            if (parsed.Diagnostics.Count == 0) throw new FuzzFinding("the descriptor was rejected without a diagnostic");
            return new Outcome(parsed.Diagnostics.ToImmutableArray(), null);
        }
        if (parsed.Diagnostics.Count > 0) throw new FuzzFinding("the descriptor was accepted with diagnostics");

        var duplicates = DuplicateFinder.Find(ImmutableArray.Create(parsed.Identity));
        if (DuplicateFinder.For(duplicates, DescriptorPath) is { } duplicate)
            throw new FuzzFinding("one descriptor alone is reported as a duplicate: " + Show(duplicate.Diagnostic));

        var rendered = ArchEmitter.Emit(parsed.Spec, Options, Templates, ct, Catalog);
        CheckDiagnostics(rendered.Diagnostics, text, "render");
        if (rendered.Diagnostics.Count > 0 || rendered.Source is null || rendered.Entry is null)
        {
            throw new FuzzFinding("an accepted descriptor failed to render with the built-in templates: "
                + string.Join("; ", rendered.Diagnostics.Select(d => Show(d))));
        }
        return new Outcome(ImmutableArray<DiagnosticInfo>.Empty, rendered.Source);
    }

    private static void CheckDiagnostics(EquatableArray<DiagnosticInfo> diagnostics, SourceText text, string step)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == DiagnosticDescriptors.InternalError.Id)
                throw new FuzzFinding($"{step}: internal generator error (an exception the generator caught): {Show(diagnostic)}");
            if (!diagnostic.Id.StartsWith("LMG", StringComparison.Ordinal))
                throw new FuzzFinding($"{step}: a diagnostic that is not LMGxxxx: {diagnostic.Id}");
            if (diagnostic.Location is null)
                throw new FuzzFinding($"{step}: {diagnostic.Id} has no location in the descriptor");
            if (diagnostic.Location.Path != DescriptorPath)
                throw new FuzzFinding($"{step}: {diagnostic.Id} is located in '{diagnostic.Location.Path}', not in the descriptor");
            if (LocationProblem(text, diagnostic.Location) is { } problem)
                throw new FuzzFinding($"{step}: {diagnostic.Id} {problem}");
            // What the compiler does when it reports the diagnostic: format the message from its arguments.
            _ = diagnostic.ToDiagnostic().GetMessage(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Null when the location is inside the text (a line that exists, a column within that line, a span within
    /// the text) and its line/column agree with its offsets; the same rule as FuzzTests.LocationProblem.
    /// </summary>
    public static string? LocationProblem(SourceText text, LocationInfo location)
    {
        var span = location.Span;
        var lineSpan = location.LineSpan;
        if (span.Start < 0 || span.End > text.Length) return $"span {span} outside the text (length {text.Length})";
        foreach (var position in new[] { lineSpan.Start, lineSpan.End })
        {
            if (position.Line < 0 || position.Line >= text.Lines.Count) return $"line {position.Line + 1} outside the text ({text.Lines.Count} lines)";
            if (position.Character < 0 || position.Character > text.Lines[position.Line].Span.Length)
                return $"column {position.Character + 1} outside line {position.Line + 1} (length {text.Lines[position.Line].Span.Length})";
        }
        if (text.Lines.GetLinePositionSpan(span) != lineSpan)
            return $"line span {lineSpan} differs from the offsets' {text.Lines.GetLinePositionSpan(span)}";
        return null;
    }

    public static string Show(DiagnosticInfo diagnostic)
    {
        string message;
        try
        {
            message = diagnostic.ToDiagnostic().GetMessage(CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            message = string.Join(" | ", diagnostic.Arguments);
        }
        var where = diagnostic.Location is null ? "(no location)" : $"({diagnostic.Location.Line},{diagnostic.Location.Column})";
        return $"{diagnostic.Id} {where}: {message}";
    }
}

/// <summary>A broken "never crashes" rule: thrown so that afl-fuzz records the input as a crash.</summary>
public sealed class FuzzFinding(string message) : Exception(message);
