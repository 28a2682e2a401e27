using System.Text.RegularExpressions;
using LazyMmuGen.Arches;
using LazyMmuGen.Cli.Commands;
using LazyMmuGen.Cli.Scaffolding;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>lazymmu new-arch: every scaffold is a descriptor the generator accepts as written, and every
/// mechanism the commented catalog lists works once uncommented as the scaffold says.</summary>
public sealed class NewArchTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("lazymmu-new-arch-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<string> Sources()
    {
        var data = new TheoryData<string> { "" };
        foreach (var arch in LazyMmuArchRegistry.All) data.Add(arch.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void ScaffoldIsAcceptedByTheGeneratorAsWritten(string from)
    {
        var (exit, text, stdout, stderr) = Scaffold("riscv-new", from.Length == 0 ? null : from);

        Assert.True(exit == ExitCodes.Ok, stderr);
        Assert.Contains("created", stdout);
        Assert.Empty(InProcessGenerator.Problems("riscv-new.arch.yaml", text));
        var scaffolded = BuiltinDescriptors.Parse(text);
        Assert.Equal("riscv-new", scaffolded.Arch);
        if (from.Length > 0)
        {
            var source = LazyMmuArchRegistry.Find(from)!;
            Assert.Equal(source.Mechanisms, scaffolded.Mechanisms.Select(m => m.Kind));
            Assert.Equal(BuiltinDescriptors.Read(source)!.PauseResume, scaffolded.PauseResume);
        }
        // Every field and every parameter, in use or in the commented catalog, has a comment right above it.
        var lines = text.Split('\n');
        var checkedLines = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!Regex.IsMatch(lines[i], @"^(\s*(- kind|[a-z-]+)|  # - kind|  #   [a-z-]+): ")) continue;
            checkedLines++;
            Assert.True(i > 0 && lines[i - 1].TrimStart().StartsWith('#'), $"line {i + 1} has no comment above it: {lines[i]}");
        }
        Assert.True(checkedLines >= 2);
    }

    public static TheoryData<string> Mechanisms() => new(SchemaDocs.Instance.Mechanisms);

    [Theory]
    [MemberData(nameof(Mechanisms))]
    public void EachCatalogMechanismWorksWhenUncommented(string kind)
    {
        var (_, text, _, _) = Scaffold("riscv-try", null);
        var lines = text.Split('\n').ToList();
        var start = lines.FindIndex(l => l == "  # - kind: " + kind);
        Assert.True(start > 0, $"{kind} is not in the catalog:\n{text}");
        // The mechanism's block: its doc comment above, its parameters below, up to the separator or the end of the list.
        var first = start;
        while (lines[first - 1].StartsWith("  # # ", StringComparison.Ordinal)) first--;
        var last = start;
        while (last + 1 < lines.Count && lines[last + 1].StartsWith("  #   ", StringComparison.Ordinal)) last++;
        for (var i = first; i <= last; i++) lines[i] = lines[i].Remove(lines[i].IndexOf("# ", StringComparison.Ordinal), 2);
        var uncommented = string.Join("\n", lines);

        Assert.Empty(InProcessGenerator.Problems("riscv-try.arch.yaml", uncommented));
        Assert.Equal([kind], BuiltinDescriptors.Parse(uncommented).Mechanisms.Select(m => m.Kind));
    }

    [Theory]
    [InlineData("Bad_Name")]
    [InlineData("riscv--sfence")]
    [InlineData("-riscv")]
    [InlineData("arm64")]
    [InlineData("task-state")]
    [InlineData("x86xen")]
    public void RefusesANameTheGeneratorWouldRefuse(string name)
    {
        var (exit, _, _, stderr) = Scaffold(name, null);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("error:", stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void RefusesAnExistingFileAndLeavesItAlone()
    {
        var path = Path.Combine(folder, "riscv-kept.arch.yaml");
        File.WriteAllText(path, "arch: riscv-kept\n");

        var (exit, _, _, stderr) = Scaffold("riscv-kept", "arm64");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("already exists", stderr);
        Assert.Equal("arch: riscv-kept\n", File.ReadAllText(path));
    }

    [Fact]
    public void RefusesAnUnknownSourceArchAndAFileTheGeneratorWouldNotRead()
    {
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Usage, NewArchCommand.Run("riscv-a", "no-such-arch", folder, folder, TextWriter.Null, stderr));
        Assert.Contains("Known arches: arm64", stderr.ToString());
        Assert.Equal(ExitCodes.Usage, NewArchCommand.Run("riscv-a", null, Path.Combine(folder, "riscv-a.yaml"), folder, TextWriter.Null, TextWriter.Null));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void An_out_path_ending_in_a_slash_is_a_folder_made_for_the_descriptor()
    {
        // Found by a fresh-clone review: "--out a/b/c/" was told "only *.arch.yaml files", as if it named a file.
        var stdout = new StringWriter();

        var exit = NewArchCommand.Run("riscv-deep", null, "a/b/c/", folder, stdout, TextWriter.Null);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.True(File.Exists(Path.Combine(folder, "a", "b", "c", "riscv-deep.arch.yaml")));
        Assert.StartsWith($"created {Path.Combine("a", "b", "c", "riscv-deep.arch.yaml")}: ", stdout.ToString());
    }

    [Fact]
    public void In_the_repository_but_outside_arches_the_next_steps_name_the_file()
    {
        // Found by a fresh-clone review: only arches/ joins the built-ins, so 'accept' and '--arch NAME' were wrong advice here.
        File.WriteAllText(Path.Combine(folder, "LazyMmuGen.sln"), "");
        Directory.CreateDirectory(Path.Combine(folder, "schema"));
        File.WriteAllText(Path.Combine(folder, "schema", "arch.schema.json"), "{}");
        var stdout = new StringWriter();

        var exit = NewArchCommand.Run("riscv-aside", null, "tools/", folder, stdout, TextWriter.Null);

        Assert.Equal(ExitCodes.Ok, exit);
        var next = stdout.ToString().Split('\n')[1];
        Assert.StartsWith($"next: edit the summary, then lazymmu trace {Path.Combine("tools", "riscv-aside.arch.yaml")} ", next);
        Assert.DoesNotContain("accept", next);
        // The editor hint still points at the repository's schema.
        Assert.StartsWith("# yaml-language-server: $schema=../schema/arch.schema.json\n", File.ReadAllText(Path.Combine(folder, "tools", "riscv-aside.arch.yaml")));
    }

    [Fact]
    public void WithoutOutWritesToTheRepositorysArchesFolderWithTheSchemaHint()
    {
        // A stand-in repository, so the real arches/ folder is never touched.
        File.WriteAllText(Path.Combine(folder, "LazyMmuGen.sln"), "");
        Directory.CreateDirectory(Path.Combine(folder, "schema"));
        File.WriteAllText(Path.Combine(folder, "schema", "arch.schema.json"), "{}");
        var below = Directory.CreateDirectory(Path.Combine(folder, "docs")).FullName;

        var exit = NewArchCommand.Run("riscv-here", "sparc64", null, below, TextWriter.Null, TextWriter.Null);

        Assert.Equal(ExitCodes.Ok, exit);
        var text = File.ReadAllText(Path.Combine(folder, "arches", "riscv-here.arch.yaml"));
        Assert.StartsWith("# yaml-language-server: $schema=../schema/arch.schema.json\n", text);
        Assert.Empty(InProcessGenerator.Problems("riscv-here.arch.yaml", text));
    }

    [Fact]
    public void Outside_the_repository_the_next_steps_name_the_file_not_the_repositorys_commands()
    {
        // Found by a fresh-clone review: the installed tool, run in a user's folder, told them to run accept.
        var stdout = new StringWriter();

        var exit = NewArchCommand.Run("riscv-mine", null, null, folder, stdout, TextWriter.Null);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.True(File.Exists(Path.Combine(folder, "arches", "riscv-mine.arch.yaml")));
        Assert.Equal(
            "created arches/riscv-mine.arch.yaml: no mechanism yet (uncomment one of the listed mechanisms to opt in)\n"
            + "next: edit the summary, then lazymmu trace arches/riscv-mine.arch.yaml --ops \"enable;set_pte;set_pte;disable\" and lazymmu check arches/riscv-mine.arch.yaml; "
            + "the file's first comments say how to get editor completion; dotnet new lazymmu-arch for a library with snapshot tests (docs/packaging.md)\n",
            stdout.ToString().Replace("\r\n", "\n"));
        var text = File.ReadAllText(Path.Combine(folder, "arches", "riscv-mine.arch.yaml"));
        // The comments wrap; read them as one text.
        var comments = string.Join(" ", text.Split('\n').Where(l => l.StartsWith("# ", StringComparison.Ordinal)).Select(l => l[2..]));
        Assert.EndsWith("Next, from this folder: `lazymmu trace riscv-mine.arch.yaml --ops \"enable;set_pte;set_pte;disable\"` and `lazymmu check riscv-mine.arch.yaml` "
            + "(in a project: `dotnet build`, or `lazymmu check --project .`).", comments);
        Assert.Contains("#   # yaml-language-server: $schema=arch.schema.json\n", text);
    }

    private (int Exit, string Text, string Stdout, string Stderr) Scaffold(string name, string? from)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = NewArchCommand.Run(name, from, folder, folder, stdout, stderr);
        var path = Path.Combine(folder, name + ".arch.yaml");
        return (exit, File.Exists(path) ? File.ReadAllText(path) : "", stdout.ToString(), stderr.ToString());
    }
}
