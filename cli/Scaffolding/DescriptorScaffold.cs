using System.Text;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Cli.Scaffolding;

/// <summary>
/// Writes the text of a new descriptor with a comment above every field and parameter (the schema's
/// documentation). From an existing arch, its mechanisms are copied with the parameters it sets; without
/// one, every mechanism is listed commented out, with example values from a built-in arch that uses it.
/// The result is always a valid descriptor as written: with no mechanism, the arch does not opt in.
/// </summary>
public static class DescriptorScaffold
{
    private const int Width = 100;

    /// <summary>
    /// The modeline of a descriptor in the folder of a project that references the generator package, whose build
    /// targets copy the schema to obj/lazymmu/arch.schema.json (generator/build/LazyMmuGen.Generator.targets).
    /// </summary>
    public const string ObjSchemaModeline = "# yaml-language-server: $schema=obj/lazymmu/arch.schema.json";

    /// <param name="name">A valid arch name (the caller checks it).</param>
    /// <param name="from">The arch to copy mechanisms from, or null for the commented catalog.</param>
    /// <param name="builtins">The built-in arches, for example parameter values.</param>
    /// <param name="schemaPath">Path of arch.schema.json relative to the new file, or null to leave out the editor hint.</param>
    public static string Build(string name, ArchInfo? from, IReadOnlyList<ArchInfo> builtins, string? schemaPath)
    {
        var docs = SchemaDocs.Instance;
        var source = from is null ? null : BuiltinDescriptors.Read(from);
        var b = new StringBuilder();
        if (schemaPath is not null) b.Append("# yaml-language-server: $schema=").Append(schemaPath).Append('\n');
        Comment(b, "", $"{name}: a LazyMmuGen arch descriptor, scaffolded by `lazymmu new-arch {name}" + (from is null ? "`." : $" --from {from.Name}`."));
        Comment(b, "", "A comment above each field says what it means (docs/descriptor-reference.md has the full reference). " +
            (schemaPath is null ? "Check it with `lazymmu check` (or a build, in a project)" : "Build to check it")
            + ": a mistake is an LMGxxxx error at its line and column in this file (docs/diagnostics.md shows each fix).");
        if (schemaPath is null)
        {
            // Outside this repository the schema's place depends on the project: give the line for the usual case.
            Comment(b, "", "Editor completion: a build of a project that references the LazyMmuGen.Generator package copies the schema to " +
                "obj/lazymmu/arch.schema.json (docs/packaging.md, \"IDE support\"). For a descriptor in the project folder, make this " +
                "the first line of the file (the path is relative to the file):");
            b.Append("#   ").Append(ObjSchemaModeline).Append('\n');
            Comment(b, "", "Without a project: `lazymmu schema . > arch.schema.json` in this folder (it knows the mechanisms under ./mechanisms/ too), then:");
            b.Append("#   # yaml-language-server: $schema=arch.schema.json\n");
        }
        b.Append('\n');

        Field(b, docs, "arch");
        b.Append("arch: ").Append(name).Append("\n\n");

        Field(b, docs, "summary");
        var summary = source is null ? $"TODO: one line on what {name} batches and when it flushes." : $"TODO: describe {name}. {source.Arch} does this: {source.Summary}";
        b.Append("summary: ").Append(BuiltinDescriptors.PlainOrQuoted(summary)).Append("\n\n");

        Field(b, docs, "type-name");
        b.Append("# type-name: ").Append(TypeName(name)).Append("\n\n");

        Field(b, docs, "pause-resume");
        if (source?.PauseResume is { } pauseResume) b.Append("pause-resume: ").Append(pauseResume).Append("\n\n");
        else b.Append("# pause-resume: leave-enter\n\n");

        Field(b, docs, "mechanisms");
        if (source is { Mechanisms.Count: > 0 })
        {
            b.Append("mechanisms:\n");
            foreach (var mechanism in source.Mechanisms)
            {
                if (mechanism != source.Mechanisms[0]) b.Append('\n');
                Copied(b, docs, mechanism);
            }
            Comment(b, "  ", $"Other mechanisms: {string.Join(", ", docs.Mechanisms.Except(source.Mechanisms.Select(m => m.Kind)))}. " +
                "Run `lazymmu new-arch` without --from to see them all with their parameters.");
        }
        else
        {
            Comment(b, "", "With no mechanism the arch does not opt in: every pte update takes effect at once. To opt in, uncomment " +
                "a mechanism below (remove one '# ' from each of its lines) and set its parameters. The comment above each " +
                "mechanism lists the resources it claims; two mechanisms may not claim the same one (LMG0013).");
            b.Append("mechanisms:\n");
            var first = true;
            foreach (var kind in docs.Mechanisms)
            {
                if (!first) b.Append("  #\n");
                first = false;
                Catalog(b, docs, kind, ExampleOf(kind, builtins));
            }
        }
        b.Append('\n');
        // In this repository the descriptor becomes a built-in (found by --arch); anywhere else the tool takes its path.
        Comment(b, "", schemaPath is not null
            ? $"Next: build, then `lazymmu trace --arch {name} --ops \"enable;set_pte;set_pte;disable\"` and `lazymmu check --arch {name}`."
            : $"Next, from this folder: `lazymmu trace {name}.arch.yaml --ops \"enable;set_pte;set_pte;disable\"` and `lazymmu check {name}.arch.yaml` "
                + "(in a project: `dotnet build`, or `lazymmu check --project .`).");
        return b.ToString();
    }

    /// <summary>"x86-xen" → "X86Xen", as the generator derives it.</summary>
    public static string TypeName(string archName) =>
        string.Concat(archName.Split('-').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));

    private static void Field(StringBuilder b, SchemaDocs docs, string field) =>
        Comment(b, "", $"{field} ({(docs.IsRequired(field) ? "required" : "optional")}): {docs.FieldDoc(field)}");

    /// <summary>A mechanism of the --from arch: the parameters it sets as written, the others at their default, commented out.</summary>
    private static void Copied(StringBuilder b, SchemaDocs docs, MechanismEntry mechanism)
    {
        Comment(b, "  ", $"{mechanism.Kind}: {docs.MechanismDoc(mechanism.Kind)}");
        b.Append("  - kind: ").Append(mechanism.Kind).Append('\n');
        foreach (var parameter in docs.Parameters(mechanism.Kind))
        {
            Comment(b, "    ", ParameterLine(parameter));
            if (mechanism.Get(parameter.Name) is { } value) b.Append("    ").Append(parameter.Name).Append(": ").Append(value).Append('\n');
            else b.Append("    # ").Append(parameter.Name).Append(": ").Append(parameter.Default ?? "TODO").Append('\n');
        }
    }

    /// <summary>A mechanism of the catalog, commented out as a whole, with every parameter given a value.</summary>
    private static void Catalog(StringBuilder b, SchemaDocs docs, string kind, (string? Arch, MechanismEntry? Entry) example)
    {
        Comment(b, "  # ", $"{kind}: {docs.MechanismDoc(kind)}" + (example.Arch is null ? "" : $" Example values from {example.Arch}."));
        b.Append("  # - kind: ").Append(kind).Append('\n');
        foreach (var parameter in docs.Parameters(kind))
        {
            Comment(b, "  #   ", ParameterLine(parameter));
            var value = example.Entry?.Get(parameter.Name) ?? parameter.Default ?? "TODO";
            b.Append("  #   ").Append(parameter.Name).Append(": ").Append(value).Append('\n');
        }
    }

    private static string ParameterLine(ParameterDoc p) =>
        $"{p.Name} ({p.Shape}, {(p.Required ? "required" : "default " + p.Default)}): {p.Description}";

    /// <summary>The first built-in arch (by name) that uses the mechanism, and how it sets it.</summary>
    private static (string?, MechanismEntry?) ExampleOf(string kind, IReadOnlyList<ArchInfo> builtins)
    {
        foreach (var arch in builtins.Where(a => a.Mechanisms.Contains(kind)).OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            if (BuiltinDescriptors.Read(arch)?.Mechanisms.FirstOrDefault(m => m.Kind == kind) is { } entry) return (arch.Name, entry);
        }
        return (null, null);
    }

    /// <summary>'# ' comment lines of at most <see cref="Width"/> characters, words kept whole.</summary>
    private static void Comment(StringBuilder b, string indent, string text)
    {
        var prefix = indent + "# ";
        var line = new StringBuilder(prefix);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > prefix.Length && line.Length + 1 + word.Length > Width)
            {
                b.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(prefix);
            }
            if (line.Length > prefix.Length) line.Append(' ');
            line.Append(word);
        }
        b.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
