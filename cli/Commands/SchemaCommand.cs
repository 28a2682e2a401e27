using System.CommandLine;
using LazyMmuGen.Cli.Scaffolding;

namespace LazyMmuGen.Cli.Commands;

/// <summary>
/// `lazymmu schema`: prints the descriptor JSON schema, so a descriptor outside the repository can point an editor at
/// it (`lazymmu schema > arch.schema.json`, then `# yaml-language-server: $schema=arch.schema.json`).
/// </summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON schema of *.arch.yaml descriptors (for editor completion and checks).");
        command.SetAction(_ =>
        {
            Console.Out.Write(SchemaDocs.Text());
            return ExitCodes.Ok;
        });
        return command;
    }
}
