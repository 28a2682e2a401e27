using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LazyMmuGen.Generator.Diagnostics;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Generator.Emit.Models;
using Scriban.Runtime;

namespace LazyMmuGen.Generator.Emit;

/// <summary>Renders one validated arch: mechanism fragments per hook, ordered by phase, into templates/arch.scriban.</summary>
public static class ArchEmitter
{
    public const string GeneratorVersion = "0.1.0";

    public static RenderResult Emit(ArchSpec spec, GeneratorOptions options, TemplateSet templates, CancellationToken ct, Catalog? catalog = null)
    {
        var hintName = spec.TypeName + ".g.cs";
        catalog ??= Catalog.Builtin;
        try
        {
            // Fragment data is the same for every hook: build it once per mechanism, not once per hook.
            var composition = TemplateData.Composition(spec, catalog);
            var fragmentData = spec.Mechanisms
                .Select(m => new FragmentModel(TemplateData.Parameters(catalog.Find(m.Kind)!, m), composition, spec.TypeName, EffectCode.ForFragment(catalog.Find(m.Kind)!)))
                .ToList();
            var hooks = new ScriptObject();
            var rendered = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var hook in Hooks.All)
            {
                ct.ThrowIfCancellationRequested();
                var fragments = RenderHook(spec, hook, templates, fragmentData, catalog);
                hooks[TemplateData.TemplateName(hook)] = fragments;
                rendered[hook] = fragments;
            }
            var effects = EffectCode.Emitted(spec, catalog);
            var model = new ArchModel(
                options.Namespace,
                spec.TypeName,
                CSharpText.Literal(spec.Name),
                CSharpText.Doc(spec.Summary.Length == 0 ? $"Lazy MMU arch '{spec.Name}'." : spec.Summary),
                CSharpText.Doc(spec.DescriptorPath),
                spec.Mechanisms.Count == 0 ? "none (does not opt in)" : string.Join(", ", spec.Mechanisms.Select(m => m.Kind)),
                spec.DistinctPauseResume,
                // An arch opts in (CONFIG_ARCH_HAS_LAZY_MMU_MODE) by naming at least one mechanism.
                spec.Mechanisms.Count > 0,
                GeneratorVersion,
                hooks,
                effects.Select(EffectCode.Model).ToList(),
                FactsOf.StateFields(rendered["task-state"]),
                FactsOf.StateFields(rendered["cpu-state"]),
                StoreGuardCode.Array(spec, catalog));
            var source = TemplateRenderer.Render(templates, TemplateSet.ArchName, model);
            var entry = new RegistryEntry(spec.Name, spec.TypeName, spec.Summary, spec.DescriptorPath, spec.DistinctPauseResume,
                spec.Mechanisms.Count > 0, rendered["enter-range"].Count > 0,
                spec.Mechanisms.Select(m => m.Kind).ToEquatableArray(), spec.ExpectedViolation, FactsOf.Generated(rendered, effects.Select(e => e.Name)))
            {
                Source = source,
                Batching = Batching(spec, catalog),
                CpuSymmetric = spec.Mechanisms.All(m => catalog.Find(m.Kind)!.CpuSymmetric),
                GetPteIsPlainRead = FactsOf.GetPteIsPlainRead(source),
            };
            return new RenderResult(hintName, source, EquatableArray<DiagnosticInfo>.Empty, entry);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (TemplateFailure failure)
        {
            return new RenderResult(hintName, null, new[] { failure.ToDiagnostic(templates, spec.NameLocation) }.ToEquatableArray(), null);
        }
        catch (Exception e)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.TemplateError, spec.NameLocation, TemplateSet.ArchName, e.Message);
            return new RenderResult(hintName, null, new[] { diagnostic }.ToEquatableArray(), null);
        }
    }

    /// <summary>The declared batching bounds of the arch's mechanisms, in descriptor order, with its parameter values.</summary>
    private static EquatableArray<BatchingFacts> Batching(ArchSpec spec, Catalog catalog) => spec.Mechanisms
        .Select(m => (Spec: m, Batching: catalog.Find(m.Kind)!.Batching))
        .Where(m => m.Batching is not null)
        .Select(m => new BatchingFacts(m.Spec.Kind, m.Batching!.Effects.ToEquatableArray(), m.Batching.CapacityFor(m.Spec), m.Batching.PerFlush,
            m.Batching.PerFlushDistinct, m.Batching.KeyChanges, m.Batching.Unbatched))
        .ToEquatableArray();

    /// <summary>
    /// Pause/resume fall back to leave/enter only when they are distinct callbacks; a ranged enter falls
    /// back to enter only when some mechanism has a ranged enter, otherwise the template calls Enter.
    /// </summary>
    private static bool UsesFallback(ArchSpec spec, string hook, TemplateSet templates) => hook == "enter-range"
        ? spec.Mechanisms.Any(m => templates.Fragment(m.Kind, "enter-range") is not null)
        : spec.DistinctPauseResume;

    private static List<string> RenderHook(ArchSpec spec, string hook, TemplateSet templates, List<FragmentModel> fragmentData, Catalog catalog)
    {
        var pieces = new List<(int Phase, int Order, string Text)>();
        var fallsBack = UsesFallback(spec, hook, templates);
        for (var i = 0; i < spec.Mechanisms.Count; i++)
        {
            var mechanism = spec.Mechanisms[i];
            var definition = catalog.Find(mechanism.Kind)!;
            var used = hook;
            if (templates.Fragment(mechanism.Kind, hook) is null)
            {
                if (!fallsBack || Hooks.FallbackOf(hook) is not { } fallback || templates.Fragment(mechanism.Kind, fallback) is null) continue;
                used = fallback;
            }
            var text = TemplateRenderer.Render(templates, TemplateSet.FragmentName(mechanism.Kind, used), fragmentData[i]);
            pieces.Add((definition.PhaseOf(used), i, text));
        }
        return pieces.OrderBy(p => p.Phase).ThenBy(p => p.Order).Select(p => p.Text.TrimEnd('\n', ' ')).Where(t => t.Length > 0).ToList();
    }
}
