using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Generator.Parsing;

namespace LazyMmuGen.Generator.Emit;

/// <summary>Renders one validated arch: mechanism fragments per hook, ordered by phase, into arch.hbs.</summary>
public static class ArchEmitter
{
    public const string GeneratorVersion = "0.1.0";

    public static RenderResult Emit(ArchSpec spec, GeneratorOptions options, TemplateSet templates, CancellationToken ct)
    {
        var hintName = spec.TypeName + ".g.cs";
        try
        {
            var data = new Dictionary<string, object>
            {
                ["namespace"] = options.Namespace,
                ["typeName"] = spec.TypeName,
                ["nameLiteral"] = CSharpText.Literal(spec.Name),
                ["summaryDoc"] = CSharpText.Doc(spec.Summary.Length == 0 ? $"Lazy MMU arch '{spec.Name}'." : spec.Summary),
                ["descriptorDoc"] = CSharpText.Doc(spec.DescriptorPath),
                ["mechanismsDoc"] = spec.Mechanisms.Count == 0 ? "none (does not opt in)" : string.Join(", ", spec.Mechanisms.Select(m => m.Kind)),
                ["distinct"] = spec.DistinctPauseResume ? "true" : "false",
                // An arch opts in (CONFIG_ARCH_HAS_LAZY_MMU_MODE) by naming at least one mechanism.
                ["optsIn"] = spec.Mechanisms.Count > 0 ? "true" : "false",
                ["version"] = GeneratorVersion,
            };
            // Fragment data is the same for every hook: build it once per mechanism, not once per hook.
            var composition = TemplateData.Composition(spec);
            var fragmentData = spec.Mechanisms.Select(m => new Dictionary<string, object>
            {
                ["p"] = TemplateData.Parameters(MechanismCatalog.Find(m.Kind)!, m),
                ["arch"] = composition,
                ["typeName"] = spec.TypeName,
            }).ToList();
            foreach (var hook in Hooks.All)
            {
                ct.ThrowIfCancellationRequested();
                var rendered = RenderHook(spec, hook, templates, fragmentData);
                data[NameRules.ToCamel(hook)] = rendered;
                data["has" + NameRules.ToTypeName(hook)] = rendered.Count > 0;
            }
            var source = Whitespace.Tidy(templates.Arch(data));
            var entry = new RegistryEntry(spec.Name, spec.TypeName, spec.Summary, spec.DescriptorPath, spec.DistinctPauseResume,
                spec.Mechanisms.Count > 0, (bool)data["hasEnterRange"],
                spec.Mechanisms.Select(m => m.Kind).ToEquatableArray(), spec.ExpectedViolation);
            return new RenderResult(hintName, source, EquatableArray<DiagnosticInfo>.Empty, entry);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.TemplateError, spec.NameLocation, "arch.hbs", e.Message);
            return new RenderResult(hintName, null, new[] { diagnostic }.ToEquatableArray(), null);
        }
    }

    /// <summary>
    /// Pause/resume fall back to leave/enter only when they are distinct callbacks; a ranged enter falls
    /// back to enter only when some mechanism has a ranged enter, otherwise the template calls Enter.
    /// </summary>
    private static bool UsesFallback(ArchSpec spec, string hook, TemplateSet templates) => hook == "enter-range"
        ? spec.Mechanisms.Any(m => templates.Fragment(m.Kind, "enter-range") is not null)
        : spec.DistinctPauseResume;

    private static List<string> RenderHook(ArchSpec spec, string hook, TemplateSet templates, List<Dictionary<string, object>> fragmentData)
    {
        var pieces = new List<(int Phase, int Order, string Text)>();
        var fallsBack = UsesFallback(spec, hook, templates);
        for (var i = 0; i < spec.Mechanisms.Count; i++)
        {
            var mechanism = spec.Mechanisms[i];
            var definition = MechanismCatalog.Find(mechanism.Kind)!;
            var used = hook;
            var template = templates.Fragment(mechanism.Kind, hook);
            if (template is null && fallsBack && Hooks.FallbackOf(hook) is { } fallback)
            {
                used = fallback;
                template = templates.Fragment(mechanism.Kind, fallback);
            }
            if (template is null) continue;
            pieces.Add((definition.PhaseOf(used), i, template(fragmentData[i])));
        }
        return pieces.OrderBy(p => p.Phase).ThenBy(p => p.Order).Select(p => p.Text.TrimEnd('\n', ' ')).Where(t => t.Length > 0).ToList();
    }
}
