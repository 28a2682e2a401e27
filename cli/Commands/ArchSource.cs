using System.CommandLine;
using System.Text.RegularExpressions;
using LazyMmuGen.Arches;
using LazyMmuGen.Hosting;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Reporting;

namespace LazyMmuGen.Cli.Commands;

/// <summary>
/// The arches a command can work on: the built-ins compiled into the tool (unless --no-builtins) plus every
/// descriptor given as a path, compiled on the fly by the real generator. --arch picks among them; its default
/// is the given descriptors' arches, or every built-in when no path is given. --batch-capacity compiles all of
/// them (the built-ins from the descriptors embedded in the tool) as a checking build (docs/checker.md#small-batches).
/// </summary>
public sealed class ArchSource : IDisposable
{
    private readonly IReadOnlyList<ExternalArches> loaded;

    private ArchSource(IReadOnlyList<ArchInfo> available, IReadOnlyList<ArchInfo> defaults, IReadOnlyList<ExternalArches> loaded, string suffix)
    {
        Available = available;
        Defaults = defaults;
        this.loaded = loaded;
        CommandSuffix = suffix;
    }

    public IReadOnlyList<ArchInfo> Available { get; }

    /// <summary>--batch-capacity, when this is a checking build.</summary>
    private int? capacity;

    /// <summary>What no --arch means here: the given descriptors' arches, or every built-in when none is given.</summary>
    public IReadOnlyList<ArchInfo> Defaults { get; }

    /// <summary>The paths and flags a printed command line needs to find the same arches (" a.arch.yaml --no-builtins").</summary>
    public string CommandSuffix { get; }

    /// <summary>The positional descriptor paths, --project, --no-builtins and --batch-capacity, to add to a command.</summary>
    public sealed record Symbols(Argument<string[]> Paths, Option<bool> NoBuiltins, Option<string?> Project, Option<int?> BatchCapacity);

    public static Symbols CreateSymbols() => new(
        new Argument<string[]>("descriptors")
        {
            Description = "Descriptor files (*.arch.yaml) or folders holding them, compiled on the fly next to the built-in arches.",
            Arity = ArgumentArity.ZeroOrMore,
        },
        new Option<bool>("--no-builtins") { Description = "Leave the built-in arches out: only the given descriptors." },
        PathOption.Create("--project", "Build this arch library project (dotnet build) and use the arches its generator produced."),
        BatchCapacityOption());

    private static Option<int?> BatchCapacityOption()
    {
        var option = WholeNumberOption.CreateOptional("--batch-capacity", 1, Generator.Model.GeneratorOptions.MaxBatchCapacity,
            "A checking build: compile every arch (built-ins too) with each batch capacity above N ({range}) lowered to N (LazyMmuBatchCapacity), "
            + "so a shallow check reaches the full-batch paths (docs/checker.md#small-batches). Not the arches as described: never for costs you publish.",
            hint: "a batch of N writes; 2 reaches every full-batch path soonest");
        option.HelpName = "N";
        return option;
    }

    /// <summary>Loads what the command line names; null (after printing MSBuild-style errors) means exit 2.</summary>
    public static ArchSource? Open(ParseResult parse, Symbols symbols, TextWriter error)
    {
        var paths = parse.GetValue(symbols.Paths) ?? [];
        var noBuiltins = parse.GetValue(symbols.NoBuiltins);
        if (paths.Where(p => p.StartsWith('-')).ToList() is { Count: > 0 } options)
        {
            foreach (var option in options) error.WriteLine("error: " + UsageErrors.UnknownOption(option, parse.CommandResult, withHelp: false));
            error.WriteLine($"Run '{UsageErrors.CommandPath(parse.CommandResult)} --help' for usage.");
            return null;
        }
        var warnings = new List<string>();
        var (files, problem) = DescriptorFinder.Find(paths, warnings);
        if (problem is not null)
        {
            error.WriteLine(problem);
            return null;
        }
        foreach (var warning in warnings) error.WriteLine(warning);
        var project = parse.GetValue(symbols.Project);
        var capacity = parse.GetValue(symbols.BatchCapacity);
        if (capacity is not null && project is not null)
        {
            // Building the project with the property would overwrite its normal output with a checking build.
            error.WriteLine("error: --batch-capacity cannot rebuild a --project: set <LazyMmuBatchCapacity> in a checking configuration of that project "
                + "(docs/checker.md#small-batches), or give its descriptor files instead.");
            return null;
        }
        if (files.Count == 0 && project is null && noBuiltins)
        {
            error.WriteLine("error: --no-builtins leaves no arch: give descriptor files or folders, or --project.");
            return null;
        }
        var loaded = new List<ExternalArches>();
        if (project is not null)
        {
            var (assembly, failure) = ProjectBuild.Build(project);
            if (failure is not null)
            {
                error.WriteLine(failure);
                return null;
            }
            loaded.Add(ExternalArches.FromAssembly(assembly!, () => ProjectPath.LibraryHint(project)));
        }
        loaded.Add(ExternalArches.Load(files, batchCapacity: capacity));
        var external = loaded.SelectMany(l => l.Arches).ToList();
        IReadOnlyList<ArchInfo> builtins = noBuiltins ? [] : LazyMmuArchRegistry.All;
        if (capacity is not null && !noBuiltins)
        {
            var scoped = ExternalArches.Load(BuiltinFiles(), projectDir: BuiltinRoot, batchCapacity: capacity);
            loaded.Add(scoped);
            builtins = scoped.Arches;
        }
        // Warnings too go to stderr: stdout is the command's result, and a warning line there broke --format json.
        foreach (var message in loaded.SelectMany(l => l.Messages)) error.WriteLine(message);
        var fromProject = project is null ? [] : loaded[0].Arches;
        if (loaded.Any(l => l.Failed) || ArchClash.Report(builtins.Concat(external).ToList(), builtins, fromProject, files, error))
        {
            foreach (var l in loaded) l.Dispose();
            return null;
        }
        var available = builtins.Concat(external).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        if (available.Count == 0)
        {
            // A green run over nothing would read as a pass.
            error.WriteLine("error: no arch to run: the given paths define none (only templates or primitives?) and --no-builtins leaves out the built-ins.");
            foreach (var l in loaded) l.Dispose();
            return null;
        }
        var defaults = external.Count > 0 ? external : builtins;
        var suffix = string.Concat(paths.Select(p => " " + Quote(p)))
            + (project is null ? "" : " --project " + Quote(project)) + (noBuiltins ? " --no-builtins" : "")
            + (capacity is { } n ? " --batch-capacity " + n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        return new ArchSource(available, defaults, loaded, suffix) { capacity = capacity };
    }

    /// <summary>
    /// What a checking build lowered in <paramref name="arches"/>: "checking build (--batch-capacity 2, ...): batch capacities
    /// x86-xen hypercall-batch 2, ...". Printed on stderr for every arch built and under check's table for those checked, so
    /// the empty case speaks of "these arches" (check --arch arm64 under a build that lowered powerpc-hash's).
    /// </summary>
    public static string ScopeLine(IReadOnlyList<ArchInfo> arches, int capacity)
    {
        var bounds = arches.SelectMany(a => a.Facts.Batching.Where(b => b.Capacity is not null).Select(b => $"{a.Name} {b.Mechanism} {b.Capacity}")).ToList();
        return $"checking build (--batch-capacity {capacity}, not the arches as described): "
            + (bounds.Count == 0 ? "none of these arches has a batch capacity to lower" : "batch capacities " + string.Join(", ", bounds));
    }

    /// <summary>Where the embedded built-in descriptors are said to live, so their registry paths read as the built-ins' do.</summary>
    private static readonly string BuiltinRoot = Path.Combine(AppContext.BaseDirectory, "arches");

    /// <summary>The built-in descriptors embedded in the tool (arches/**/*.arch.yaml), as files under <see cref="BuiltinRoot"/>.</summary>
    private static List<DescriptorFile> BuiltinFiles()
    {
        var assembly = typeof(ArchSource).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("arches/", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new DescriptorFile(n, Path.Combine(BuiltinRoot, n["arches/".Length..]), reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>--arch: 'all', or a comma-separated list of names; null (after an error line) when one is unknown.</summary>
    public IReadOnlyList<ArchInfo>? Select(string? names, TextWriter error)
    {
        var chosen = Choose(names, error);
        // On stderr, so every command's output (JSON included) stays what it is, and no result of a checking build
        // (a simulate's costs, above all) is read as the arch's own; of the arches the command runs, not all it built.
        if (chosen is not null && capacity is { } scope) error.WriteLine(ScopeLine(chosen, scope));
        return chosen;
    }

    private IReadOnlyList<ArchInfo>? Choose(string? names, TextWriter error)
    {
        // Without --arch, the arches the user gave (their own, in focus); 'all' is every arch loaded, the built-ins
        // too unless --no-builtins, so a descriptor can be compared with them ('simulate my.arch.yaml --arch all').
        if (names is null) return Defaults;
        var known = $"Known arches: {string.Join(", ", Available.Select(a => a.Name))}, or 'all'.";
        if (NameList.Split(names, "--arch", string.Join(",", Available.Take(2).Select(a => a.Name)), out var listError) is not { } parts)
        {
            error.WriteLine($"error: {listError} {known}");
            return null;
        }
        if (NameList.Resolve(parts, Available, a => a.Name, Available, out var unknown) is not { } chosen)
        {
            error.WriteLine($"error: unknown arch '{unknown}'.{Generator.Parsing.Suggestions.DidYouMean(unknown!, Available.Select(a => a.Name).Append(NameList.All))} {known}");
            return null;
        }
        return chosen;
    }

    public void Dispose()
    {
        foreach (var l in loaded) l.Dispose();
    }

    /// <summary>Single quotes for a shell when the path has anything but plain path characters.</summary>
    public static string Quote(string text) =>
        Regex.IsMatch(text, @"^[A-Za-z0-9_./:=@%+-]+$") ? text : "'" + text.Replace("'", "'\\''") + "'";
}
