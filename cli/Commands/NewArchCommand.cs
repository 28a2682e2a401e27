using System.CommandLine;
using LazyMmuGen.Arches;
using LazyMmuGen.Cli.Output;
using LazyMmuGen.Cli.Scaffolding;
using LazyMmuGen.Generator.Parsing;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Cli.Commands;

/// <summary>
/// lazymmu new-arch NAME [--from ARCH] [--out PATH]: scaffolds a descriptor with a comment explaining
/// each field. Refuses (exit 2) an invalid or taken name, an unknown --from arch, or an existing file.
/// </summary>
public static class NewArchCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Arch name: lowercase letters and digits in dash-separated words, e.g. riscv-sfence." };
        var from = new Option<string?>("--from") { Description = "Copy the mechanisms (and their parameters) of this built-in arch, e.g. arm64." };
        var output = PathOption.Create("--out", "File (or folder: an existing one, or a path ending in '/') to write, its missing folders made as dotnet new -o makes them; default arches/NAME.arch.yaml in this repository, or below the current folder outside one.");
        var command = new Command("new-arch", "Scaffold a descriptor, with a comment explaining each field.") { name, from, output };
        command.SetAction(parse =>
        {
            // The parser takes any token in the name's place, a mistyped option too: say what it is.
            if (parse.GetValue(name) is { } given && given.StartsWith('-'))
            {
                Console.Error.WriteLine("error: " + UsageErrors.UnknownOption(given, parse.CommandResult, withHelp: false));
                Console.Error.WriteLine("Run 'lazymmu new-arch --help' for usage.");
                return ExitCodes.Usage;
            }
            return Run(parse.GetValue(name)!, parse.GetValue(from), parse.GetValue(output), Directory.GetCurrentDirectory(), Console.Out, Console.Error);
        });
        return command;
    }

    public static int Run(string name, string? from, string? output, string currentDirectory, TextWriter stdout, TextWriter stderr)
    {
        if (NameProblem(name) is { } problem)
        {
            stderr.WriteLine($"error: '{name}' cannot be an arch name: {problem}.");
            return ExitCodes.Usage;
        }
        ArchInfo? source = null;
        if (from is not null && (source = LazyMmuArchRegistry.Find(from)) is null)
        {
            var names = LazyMmuArchRegistry.All.Select(a => a.Name).ToList();
            stderr.WriteLine($"error: unknown arch '{from}' for --from.{Suggestions.DidYouMean(from, names)} Known arches: {string.Join(", ", names)}.");
            return ExitCodes.Usage;
        }
        var repository = FindRepository(currentDirectory);
        var path = TargetPath(name, output, currentDirectory, repository);
        if (!LazyMmuGen.Hosting.DescriptorFinder.IsDescriptor(path))
        {
            stderr.WriteLine($"error: {path}: the generator only reads files named *.arch.yaml (or *.arch.yml).");
            return ExitCodes.Usage;
        }
        if (File.Exists(path) || Directory.Exists(path))
        {
            stderr.WriteLine($"error: {path} already exists; choose another name or --out.");
            return ExitCodes.Usage;
        }

        // The editor hint only when the file lands in this repository (elsewhere the schema's place is unknown).
        var inRepository = repository is not null && !Path.GetRelativePath(repository, path).StartsWith("..", StringComparison.Ordinal);
        // Only arches/ joins the built-ins (the arches project reads arches/**/*.arch.yaml); a file elsewhere is the user's own.
        var builtIn = inRepository && !Path.GetRelativePath(Path.Combine(repository!, "arches"), path).StartsWith("..", StringComparison.Ordinal);
        var schema = !inRepository ? null : Path.GetRelativePath(Path.GetDirectoryName(path)!, Path.Combine(repository!, "schema", "arch.schema.json")).Replace('\\', '/');
        var text = DescriptorScaffold.Build(name, source, LazyMmuArchRegistry.All, schema);
        using (var writer = OutputFile.Open(path, path, createNew: true, out var error))
        {
            if (writer is null)
            {
                stderr.WriteLine($"error: {error}");
                return ExitCodes.Usage;
            }
            writer.Write(text);
        }

        var shown = Path.GetRelativePath(currentDirectory, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) ? relative : path;
        stdout.WriteLine(source is null
            ? $"created {shown}: no mechanism yet (uncomment one of the listed mechanisms to opt in)"
            : $"created {shown} from {source.Name}: {string.Join(", ", source.Mechanisms.DefaultIfEmpty("no mechanisms"))}");
        // In this repository the descriptor joins the built-ins (accept regenerates what derives from them); anywhere
        // else it is the user's own file, which the tool takes as a path.
        var quoted = ArchSource.Quote(shown);
        stdout.WriteLine(builtIn
            ? $"next: edit the summary, run `dotnet run --project cli -- accept` (snapshot, arch matrix, chart), then lazymmu trace --arch {name} --ops \"enable;set_pte;set_pte;disable\", lazymmu check --arch {name} and dotnet test"
            : $"next: edit the summary, then lazymmu trace {quoted} --ops \"enable;set_pte;set_pte;disable\" and lazymmu check {quoted}; "
                + "the file's first comments say how to get editor completion; dotnet new lazymmu-arch for a library with snapshot tests (docs/packaging.md)");
        return ExitCodes.Ok;
    }

    /// <summary>Null when the generator will accept the name (as far as lazymmu can tell), else why not.</summary>
    public static string? NameProblem(string name)
    {
        // The generator's own rules (LMG0005, LMG0006), so a scaffold never fails its first build.
        if (NameRules.ArchNameProblem(name) is { } problem) return problem;
        var typeName = DescriptorScaffold.TypeName(name);
        if (NameRules.GeneratedTypeNameProblem(typeName) is { } typeProblem)
            return $"its type name {typeName} is not usable: {typeProblem}; choose another name, or scaffold one and add 'type-name: {typeName}Arch' to it";
        if (LazyMmuArchRegistry.Find(name) is { } taken) return $"a built-in arch already has it ({taken.DescriptorPath})";
        if (LazyMmuArchRegistry.All.FirstOrDefault(a => string.Equals(a.TypeName, typeName, StringComparison.OrdinalIgnoreCase)) is { } clash)
            return $"its type name {typeName} clashes with {clash.Name}'s {clash.TypeName}";
        return null;
    }

    private static string TargetPath(string name, string? output, string currentDirectory, string? repository)
    {
        var fileName = name + ".arch.yaml";
        if (output is null) return Path.GetFullPath(Path.Combine(repository ?? currentDirectory, "arches", fileName));
        var full = Path.GetFullPath(Path.Combine(currentDirectory, output));
        // A path ending in a separator names a folder, made if need be, as the default arches/ is.
        var folder = output.EndsWith('/') || output.EndsWith(Path.DirectorySeparatorChar);
        return folder || Directory.Exists(full) ? Path.Combine(full, fileName) : full;
    }

    /// <summary>The folder holding LazyMmuGen.sln above the current one, if any.</summary>
    private static string? FindRepository(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LazyMmuGen.sln")) && File.Exists(Path.Combine(dir.FullName, "schema", "arch.schema.json")))
                return dir.FullName;
        }
        return null;
    }
}
