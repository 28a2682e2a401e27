using System;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;
using Scriban.Parsing;

namespace LazyMmuGen.Generator.Emit;

/// <summary>Scriban's parse and render errors as LMG0021 at the template's own file, line and column.</summary>
public static class TemplateErrors
{
    public static DiagnosticInfo At(string logicalName, TemplateSource source, SourceSpan span, string message) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.TemplateError, Location(source, span), logicalName, Clean(message));

    public static LocationInfo Location(TemplateSource source, SourceSpan span)
    {
        // Scriban positions are 0-based; a message about the end of input has -1.
        var line = Math.Max(span.Start.Line, 0);
        var column = Math.Max(span.Start.Column, 0);
        var offset = Math.Min(Math.Max(span.Start.Offset, 0), source.Text.Length);
        var position = new LinePosition(line, column);
        return new LocationInfo(source.Path, new TextSpan(offset, 0), new LinePositionSpan(position, position));
    }

    /// <summary>Scriban prefixes render errors with "file(line,col) : error : "; the diagnostic carries the location already.</summary>
    public static string Clean(string message)
    {
        var marker = message.IndexOf(" : error : ", StringComparison.Ordinal);
        var text = marker >= 0 ? message.Substring(marker + " : error : ".Length) : message;
        return text.Split('\n')[0].TrimEnd('.', ' ');
    }
}
