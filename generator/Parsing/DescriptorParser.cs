using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Generator.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace LazyMmuGen.Generator.Parsing;

/// <summary>Descriptor text → validated <see cref="ArchSpec"/> plus diagnostics. Never throws (except on cancellation).</summary>
public static class DescriptorParser
{
    public const string PauseResumeDistinct = "distinct";
    public const string PauseResumeLeaveEnter = "leave-enter";
    public const string ExpectedViolationField = "expected-violation";
    private const string PropertyKey = "property";
    private const string ReasonKey = "reason";
    private static readonly string[] Fields = { "arch", "summary", "type-name", "pause-resume", "mechanisms", ExpectedViolationField };
    private static readonly string[] ExpectedViolationKeys = { PropertyKey, ReasonKey };

    public static ParseResult Parse(string path, SourceText? text, string relativePath, CancellationToken ct, Catalog? catalog = null)
    {
        var diagnostics = new List<DiagnosticInfo>();
        ArchSpec? spec = null;
        string? claimedTypeName = null;
        try
        {
            spec = ParseCore(path, text, relativePath, diagnostics, ref claimedTypeName, catalog ?? Catalog.Builtin, ct);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.FileStart(path), e.GetType().Name + ": " + e.Message));
        }
        var failed = diagnostics.Count > 0;
        return new ParseResult(path, failed ? null : spec, diagnostics.ToEquatableArray(), failed ? claimedTypeName : null, relativePath);
    }

    /// <summary><paramref name="claimedTypeName"/> is set as soon as the type name is known, so a descriptor that fails later still names its placeholder.</summary>
    private static ArchSpec? ParseCore(string path, SourceText? text, string relativePath, List<DiagnosticInfo> diagnostics, ref string? claimedTypeName, Catalog catalog, CancellationToken ct)
    {
        var start = LocationInfo.FileStart(path);
        if (text is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, start, "the file could not be read.", DiagnosticDescriptors.YamlSyntaxGenericFix));
            return null;
        }
        if (text.Length > DescriptorLimits.MaxChars)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooComplex, start,
                $"has {text.Length} characters", YamlTreeReader.MaxDepth.ToString(), DescriptorLimits.MaxChars.ToString()));
            return null;
        }
        var root = YamlTreeReader.Read(path, text.ToString(), diagnostics, ct);
        if (diagnostics.Count > 0) return null;
        if (root is not YMapping map)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, root?.Location ?? start,
                "a mapping with at least 'arch:'", root?.Describe() ?? "an empty file", " Start the file with 'arch: NAME'."));
            return null;
        }

        var fields = new Dictionary<string, KeyValuePair<YScalar, YNode>>();
        foreach (var entry in map.Entries)
        {
            if (Fields.Contains(entry.Key.Value)) fields[entry.Key.Value] = entry;
            else diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownField, entry.Key.Location,
                ParameterReader.Shorten(Printable(entry.Key.Value)), Suggestions.DidYouMean(entry.Key.Value, Fields), string.Join(", ", Fields)));
        }

        var name = ReadArchName(fields, map, path, diagnostics);
        var (typeName, typeNameLocation) = ReadTypeName(fields, name, diagnostics);
        claimedTypeName = typeName;
        var summary = ReadSummary(fields, diagnostics);
        var mechanisms = fields.TryGetValue("mechanisms", out var m) ? MechanismReader.Read(m.Value, diagnostics, catalog) : new List<MechanismSpec>();
        var distinct = ReadPauseResume(fields, mechanisms, diagnostics);
        var expectedViolation = ReadExpectedViolation(fields, diagnostics);
        if (diagnostics.Count > 0 || name is null || typeName is null) return null;
        return new ArchSpec(name.Value, typeName, summary, relativePath, distinct, mechanisms.ToEquatableArray(), expectedViolation, name.Location, typeNameLocation);
    }

    private static YScalar? ReadArchName(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, YMapping map, string path, List<DiagnosticInfo> diagnostics)
    {
        if (!fields.TryGetValue("arch", out var entry))
        {
            // The file's own name is the arch name new-arch would have written ('riscv-y.arch.yaml': arch: riscv-y).
            var stem = System.IO.Path.GetFileName(path);
            foreach (var suffix in new[] { ".arch.yaml", ".arch.yml" })
                if (stem.EndsWith(suffix, System.StringComparison.OrdinalIgnoreCase)) stem = stem.Substring(0, stem.Length - suffix.Length);
            var example = NameRules.ArchNameProblem(stem) is null ? stem : "riscv-sfence";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingField, map.Location, "arch", example, ""));
            return null;
        }
        var problem = entry.Value is YScalar { IsNull: false } scalar ? NameRules.ArchNameProblem(scalar.Value) : NameRules.ArchNameProblem("");
        if (problem is null) return (YScalar)entry.Value;
        var shown = entry.Value is YScalar s ? s.Value : entry.Value.Describe();
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidArchName, entry.Value.Location, ParameterReader.Shorten(Printable(shown)), problem));
        return null;
    }

    /// <summary>The type name and, when it is given explicitly, the location of its 'type-name' value.</summary>
    private static (string? Name, LocationInfo? Location) ReadTypeName(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, YScalar? name, List<DiagnosticInfo> diagnostics)
    {
        if (!fields.TryGetValue("type-name", out var entry))
        {
            if (name is null) return (null, null);
            var derived = NameRules.ToTypeName(name.Value);
            if (NameRules.GeneratedTypeNameProblem(derived) is not { } derivedProblem) return (derived, null);
            // The arch name itself is fine, so the fix is a type name beside it, not another identifier rule.
            var suggested = NameRules.GeneratedTypeNameProblem(derived + "Arch") is null
                ? $"Add 'type-name: {derived}Arch' (or another identifier the generated code does not use)."
                : DiagnosticDescriptors.InvalidTypeNameGenericFix;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTypeName, name.Location,
                derived, derivedProblem + " (derived from the arch name; set 'type-name')", suggested));
            return (null, null);
        }
        var value = entry.Value is YScalar s ? s.Value : entry.Value.Describe();
        var problem = entry.Value is YScalar ? NameRules.GeneratedTypeNameProblem(value) : "it is not a single name";
        if (problem is null) return (value, entry.Value.Location);
        var fix = entry.Value is YScalar && NameRules.CapitalizedFix(value) is { } capitalized
            ? $"Write 'type-name: {capitalized}' instead."
            : DiagnosticDescriptors.InvalidTypeNameGenericFix;
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTypeName, entry.Value.Location, ParameterReader.Shorten(Printable(value)), problem, fix));
        return (null, null);
    }

    private static string ReadSummary(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, List<DiagnosticInfo> diagnostics)
    {
        if (!fields.TryGetValue("summary", out var entry)) return "";
        if (entry.Value is not YScalar scalar)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, entry.Value.Location, "one line of text", entry.Value.Describe(), " Quote the summary."));
            return "";
        }
        var problem = TextRules.Problem(scalar.Value);
        if (problem is not null) diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsafeText, scalar.Location, "summary", problem));
        return scalar.IsNull ? "" : TextRules.Normalize(scalar.Value);
    }

    /// <summary>
    /// 'expected-violation: { property: ..., reason: ... }': the checker property the arch is kept to violate, and why.
    /// Both keys are required one-line texts, checked like the summary; null when the field is absent or wrong.
    /// </summary>
    private static ExpectedViolationSpec? ReadExpectedViolation(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, List<DiagnosticInfo> diagnostics)
    {
        if (!fields.TryGetValue(ExpectedViolationField, out var entry)) return null;
        if (entry.Value is not YMapping map)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, entry.Value.Location,
                "a mapping with 'property:' and 'reason:'", entry.Value.Describe(),
                " Write 'property: NAME' (the checker property the arch violates) and 'reason: TEXT', indented under 'expected-violation:', or remove the field."));
            return null;
        }
        var keys = new Dictionary<string, KeyValuePair<YScalar, YNode>>();
        foreach (var item in map.Entries)
        {
            if (ExpectedViolationKeys.Contains(item.Key.Value)) keys[item.Key.Value] = item;
            else diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownField, item.Key.Location,
                ParameterReader.Shorten(Printable(item.Key.Value)), Suggestions.DidYouMean(item.Key.Value, ExpectedViolationKeys),
                string.Join(", ", ExpectedViolationKeys)));
        }
        var property = ReadRequiredText(keys, PropertyKey, map, CheckedProperties.NoArchBug, diagnostics);
        if (property is not null && Array.IndexOf(CheckedProperties.All, property) < 0)
        {
            // An unknown name would never match what the checker reports: the arch would FAIL (or PASS unexpectedly)
            // far from this line.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, keys[PropertyKey].Value.Location,
                "the name of a property the model checker checks", $"'{ParameterReader.Shorten(property)}'",
                Suggestions.DidYouMeanPhrase(property, CheckedProperties.All) + " The properties: " + string.Join("; ", CheckedProperties.All) + "."));
            property = null;
        }
        var reason = ReadRequiredText(keys, ReasonKey, map, "why the arch is kept although the check fails", diagnostics);
        return property is null || reason is null ? null : new ExpectedViolationSpec(property, reason);
    }

    /// <summary>A required one-line text inside 'expected-violation': missing or empty is LMG0003, otherwise validated like the summary.</summary>
    private static string? ReadRequiredText(Dictionary<string, KeyValuePair<YScalar, YNode>> keys, string key, YMapping map, string example, List<DiagnosticInfo> diagnostics)
    {
        if (!keys.TryGetValue(key, out var entry))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingField, map.Location, key, example, ""));
            return null;
        }
        if (entry.Value is not YScalar scalar)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, entry.Value.Location, "one line of text", entry.Value.Describe(),
                $" Quote the {key}."));
            return null;
        }
        var problem = TextRules.Problem(scalar.Value);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsafeText, scalar.Location, ExpectedViolationField + "." + key, problem));
            return null;
        }
        var text = scalar.IsNull ? "" : TextRules.Normalize(scalar.Value);
        if (text.Length > 0) return text;
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingField, scalar.Location, key, example, ""));
        return null;
    }

    private static bool ReadPauseResume(Dictionary<string, KeyValuePair<YScalar, YNode>> fields, List<MechanismSpec> mechanisms, List<DiagnosticInfo> diagnostics)
    {
        if (!fields.TryGetValue("pause-resume", out var entry)) return false;
        if (entry.Value is not YScalar { Value: PauseResumeDistinct or PauseResumeLeaveEnter } scalar)
        {
            var hint = entry.Value is YScalar typo ? Suggestions.DidYouMean(typo.Value, new[] { PauseResumeLeaveEnter, PauseResumeDistinct }) : "";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, entry.Value.Location,
                $"'{PauseResumeLeaveEnter}' or '{PauseResumeDistinct}'", entry.Value.Describe(), hint));
            return false;
        }
        // An arch without mechanisms does not opt in: it gets the kernel's empty stubs and has no callbacks at all.
        var noMechanisms = !fields.TryGetValue("mechanisms", out var list) || list.Value is YSequence { Items.Count: 0 };
        if (scalar.Value == PauseResumeDistinct && noMechanisms)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PauseResumeConflict, scalar.Location));
        return scalar.Value == PauseResumeDistinct;
    }

    /// <summary>Diagnostic messages must not carry control characters either.</summary>
    private static string Printable(string text) => new(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
