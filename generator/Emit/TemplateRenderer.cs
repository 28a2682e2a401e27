using System;
using System.Collections.Generic;
using LazyMmuGen.Generator.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace LazyMmuGen.Generator.Emit;

/// <summary>
/// Renders one parsed template over a typed model, strictly: an unknown variable or member is an error at its
/// line and column, never an empty hole. Includes resolve to the set's already-parsed templates, so nothing is
/// parsed while rendering. Members are snake_case in templates (TypeName → type_name), as Scriban writes them.
/// </summary>
public static class TemplateRenderer
{
    public static string Render(TemplateSet set, string logicalName, object model)
    {
        var template = set.Get(logicalName) ?? throw new TemplateFailure(logicalName, null, "the template does not exist or did not parse");
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            TemplateLoader = new SetLoader(set),
            // Inputs are bounded by DescriptorLimits; Scriban's default of 1000 iterations would cap a legal arch.
            LoopLimit = int.MaxValue,
            // Called when a member is not found, before Scriban's own error: the same error, with the names the
            // object does have, so a typo (p.threshhold) is told the nearest one.
            TryGetMember = UnknownMember,
        };
        foreach (var include in set.Parsed) context.CachedTemplates[include.Key] = include.Value;
        var globals = new ScriptObject();
        globals.Import(model);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateFailure(logicalName, e.Span, e.OriginalMessage);
        }
    }

    private static bool UnknownMember(TemplateContext context, SourceSpan span, object target, string member, out object value)
    {
        var members = new List<string>();
        try
        {
            members.AddRange(context.GetMemberAccessor(target).GetMembers(context, span, target));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Listing is a nicety; without it the error is Scriban's own.
        }
        if (members.Count == 0)
        {
            value = null!;
            return false;
        }
        members.Sort(StringComparer.Ordinal);
        throw new ScriptRuntimeException(span, $"Cannot get member with name {member}.{Parsing.Suggestions.DidYouMean(member, members)} Members here: {string.Join(", ", members)}");
    }

    /// <summary>Includes name templates by logical name ('mechanisms/deferred-barriers/flush'); all are pre-parsed.</summary>
    private sealed class SetLoader(TemplateSet set) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
            set.Parsed.ContainsKey(templateName) ? templateName : throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' names no template");

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => set.Sources[templatePath].Text;

        public System.Threading.Tasks.ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            new((string?)Load(context, callerSpan, templatePath));
    }
}

/// <summary>A render error with the logical name of the template and the span Scriban reported (null: no span).</summary>
public sealed class TemplateFailure(string logicalName, SourceSpan? span, string message) : Exception(message)
{
    public string LogicalName { get; } = logicalName;
    public SourceSpan? Span { get; } = span;

    public DiagnosticInfo ToDiagnostic(TemplateSet set, LocationInfo? fallback)
    {
        var file = Span is { } s && s.FileName is { } name ? FindByPath(set, name) : null;
        var location = file is not null && Span is { } span ? TemplateErrors.Location(file.Value.Source, span) : fallback;
        return DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.TemplateError, location, file?.Name ?? LogicalName, TemplateErrors.Clean(Message));
    }

    private static (string Name, TemplateSource Source)? FindByPath(TemplateSet set, string path)
    {
        foreach (var pair in set.Sources)
            if (string.Equals(pair.Value.Path, path, StringComparison.Ordinal)) return (pair.Key, pair.Value);
        return null;
    }
}
