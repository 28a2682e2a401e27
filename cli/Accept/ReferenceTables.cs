using System.Text;
using System.Text.RegularExpressions;
using LazyMmuGen.Generator.Mechanisms;

namespace LazyMmuGen.Cli.Accept;

/// <summary>
/// The tables of docs/descriptor-reference.md that restate mechanism facts, derived from the definitions
/// (mechanisms/*/mechanism.yaml): the overview, each mechanism's parameters, and the phases. Each sits between
/// <c>&lt;!-- generated: WHAT --&gt;</c> and <c>&lt;!-- end generated --&gt;</c>; accept rewrites them.
/// </summary>
public static partial class ReferenceTables
{
    public const string Path = "docs/descriptor-reference.md";
    private const string End = "<!-- end generated -->";
    private static readonly string[] PhaseHooks = ["enter", "leave", "flush", "pause", "resume"];

    [GeneratedRegex(@"<!-- generated: (?<what>[a-z -]+) -->\n.*?<!-- end generated -->", RegexOptions.Singleline)]
    private static partial Regex Block();

    public static string Regenerate(string doc, IReadOnlyList<MechanismDefinition> mechanisms) =>
        Block().Replace(doc.Replace("\r\n", "\n"), m => $"<!-- generated: {m.Groups["what"].Value} -->\n{Table(m.Groups["what"].Value, mechanisms)}{End}");

    private static string Table(string what, IReadOnlyList<MechanismDefinition> mechanisms)
    {
        if (what == "mechanisms") return Overview(mechanisms);
        if (what == "phases") return Phases(mechanisms);
        if (what == "effects") return Effects();
        const string prefix = "parameters of ";
        if (what.StartsWith(prefix, StringComparison.Ordinal) && mechanisms.FirstOrDefault(m => m.Name == what[prefix.Length..]) is { } mechanism)
            return Parameters(mechanism);
        throw new InvalidOperationException($"{Path}: no table is generated for '{what}'");
    }

    private static string Overview(IReadOnlyList<MechanismDefinition> mechanisms)
    {
        var b = new StringBuilder("| mechanism | kernel | required parameters | claims |\n|---|---|---|---|\n");
        foreach (var m in mechanisms)
        {
            var required = m.Parameters.Where(p => p.Required).Select(p => $"`{p.Name}`").ToList();
            var claims = m.Claims.Select(c => $"`{c.Replace("{", "<").Replace("}", ">")}`").ToList();
            b.Append($"| `{m.Name}` | {m.Kernel} | {(required.Count == 0 ? "—" : string.Join(", ", required))} | {(claims.Count == 0 ? "nothing" : string.Join(", ", claims))} |\n");
        }
        return b.ToString();
    }

    /// <summary>Every effect kind with its declaring mechanism and default cost, as the runtime has them declared.</summary>
    private static string Effects()
    {
        _ = LazyMmuGen.Arches.LazyMmuArchRegistry.All; // the built-in arches declare the built-in mechanisms' kinds
        var b = new StringBuilder("| counter | declared by | counts | default cycles | source of the cycles |\n|---|---|---|---:|---|\n");
        foreach (var kind in LazyMmuGen.Runtime.EffectKind.Declared)
        {
            var d = kind.Declaration!;
            b.Append($"| `{d.Name}` | {(d.Owner == LazyMmuGen.Runtime.MachineEffects.Owner ? "the machine" : $"`{d.Owner}`")} | {d.Summary} | {d.Cycles:0.##} | {d.CostSource} |\n");
        }
        return b.ToString();
    }

    private static string Phases(IReadOnlyList<MechanismDefinition> mechanisms)
    {
        var b = new StringBuilder("| mechanism | " + string.Join(" | ", PhaseHooks) + " |\n|---" + string.Concat(PhaseHooks.Select(_ => "|---")) + "|\n");
        foreach (var m in mechanisms.Where(m => m.Phases.Count > 0))
            b.Append($"| {m.Name} | " + string.Join(" | ", PhaseHooks.Select(h => PhaseName(m.PhaseOf(h)))) + " |\n");
        return b.ToString();
    }

    private static string PhaseName(int phase) => phase switch
    {
        HookPhase.Pin => "Pin",
        HookPhase.Restore => "Restore",
        HookPhase.Drain => "Drain",
        HookPhase.Release => "Release",
        _ => "Setup",
    };

    private static string Parameters(MechanismDefinition m)
    {
        var b = new StringBuilder("| parameter | type | default | range | meaning |\n|---|---|---|---|---|\n");
        foreach (var p in m.Parameters)
            b.Append($"| `{p.Name}` | {Type(p)} | {(p.Required ? "**required**" : $"`{p.Default}`")} | {Range(p)} | {p.Description.Replace("|", "\\|")} |\n");
        return b.ToString();
    }

    private static string Type(ParameterDefinition p) => p.Kind switch
    {
        ParameterKind.Integer => "integer",
        ParameterKind.Boolean => "boolean",
        ParameterKind.Choice => "a name",
        ParameterKind.ChoiceList => "a name or a list of names",
        ParameterKind.Identifier => "[identifier](#identifiers)",
        ParameterKind.LevelMap => "mapping of identifier → integer",
        _ => "level name",
    };

    private static string Range(ParameterDefinition p) => p.Kind switch
    {
        ParameterKind.Integer => $"{p.Min}..{p.Max}" + (p.AtMost is { } bound ? $", and at most `{bound}`" : ""),
        ParameterKind.Choice => "one of " + string.Join(", ", p.Choices.Select(c => $"`{c}`")),
        ParameterKind.ChoiceList => "each of " + string.Join(", ", p.Choices.Select(c => $"`{c}`")) + ", at least one, each at most once",
        ParameterKind.LevelMap => "at least one entry; values 0..15",
        ParameterKind.LevelRef => $"a name declared in `{p.LevelSource}`",
        _ => "—",
    };
}
