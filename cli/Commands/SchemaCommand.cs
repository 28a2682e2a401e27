using System.CommandLine;
using LazyMmuGen.Cli.Scaffolding;
using LazyMmuGen.Generator.Mechanisms;
using LazyMmuGen.Generator.Model;
using LazyMmuGen.Hosting;
using LazyMmuGen.Hosting.Schema;
using Microsoft.CodeAnalysis;

namespace LazyMmuGen.Cli.Commands;

/// <summary>
/// `lazymmu schema [PATHS]`: prints the descriptor JSON schema, so a descriptor outside the repository can point an editor
/// at it (`lazymmu schema > arch.schema.json`, then `# yaml-language-server: $schema=arch.schema.json`). Given descriptor
/// files or folders, the schema also knows the mechanisms they bring (mechanisms/NAME/mechanism.yaml), built from those
/// definitions as the built-ins' parts are, so an editor accepts `kind: my-batch` and completes its parameters.
/// </summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("descriptors")
        {
            Description = "Descriptor files or folders: include the mechanisms they bring (mechanisms/NAME/mechanism.yaml) beside the built-ins.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("schema", "Print the JSON schema of *.arch.yaml descriptors (for editor completion and checks).") { paths };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? [], Console.Out, Console.Error, parse.CommandResult));
        return command;
    }

    private static int Run(string[] paths, TextWriter output, TextWriter error, System.CommandLine.Parsing.CommandResult command)
    {
        if (paths.Length == 0)
        {
            output.Write(SchemaDocs.Text());
            return ExitCodes.Ok;
        }
        // As the other commands say it: a token with a dash is a mistyped option, not a path that does not exist.
        if (paths.Where(p => p.StartsWith('-')).ToList() is { Count: > 0 } options)
        {
            foreach (var option in options) error.WriteLine("error: " + UsageErrors.UnknownOption(option, command, withHelp: false));
            error.WriteLine("Run 'lazymmu schema --help' for usage.");
            return ExitCodes.Usage;
        }
        var (files, problem) = DescriptorFinder.Find(paths);
        if (problem is not null)
        {
            error.WriteLine(problem);
            return ExitCodes.Usage;
        }
        var sources = files.Where(f => CatalogCache.IsDefinition(f.FullPath))
            .Select(f => new MechanismSource(f.FullPath, f.Text))
            .OrderBy(s => s.Path, StringComparer.Ordinal)
            .ToEquatableArray();
        var (catalog, diagnostics) = CatalogCache.For(new MechanismChoice(sources));
        var display = files.ToDictionary(f => f.FullPath, f => f.DisplayPath, StringComparer.Ordinal);
        var errors = diagnostics.Select(d => d.ToDiagnostic()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var d in errors) error.WriteLine(ArchCompiler.Format(d, display));
        if (errors.Count > 0) return ExitCodes.Usage;
        output.Write(DescriptorSchema.Build(catalog.All));
        return ExitCodes.Ok;
    }
}
