using LazyMmuGen.Hosting;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>
/// What `--project` builds. Found by an outside-the-repository review: `lazymmu check --project .` at the root the
/// template makes (a solution beside two project folders) printed MSBuild's MSB1063 text about solution files.
/// </summary>
public sealed class ProjectPathTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("lazymmu-project-path-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private void TemplateLayout()
    {
        Write("Kit.slnx", "<Solution>\n  <Project Path=\"Kit/Kit.csproj\" />\n  <Project Path=\"Kit.Tests/Kit.Tests.csproj\" />\n</Solution>\n");
        Write("Kit/Kit.csproj", "<Project><ItemGroup><PackageReference Include=\"LazyMmuGen.Generator\" /></ItemGroup></Project>");
        Write("Kit.Tests/Kit.Tests.csproj", "<Project><ItemGroup><PackageReference Include=\"LazyMmuGen.Testing\" /></ItemGroup></Project>");
    }

    [Fact]
    public void A_folder_holding_only_a_solution_builds_its_one_arch_library()
    {
        TemplateLayout();

        Assert.Equal(Path.Combine(root, "Kit", "Kit.csproj"), ProjectPath.Resolve(root, out var error));
        Assert.Null(error);
        Assert.Equal(Path.Combine(root, "Kit", "Kit.csproj"), ProjectPath.Resolve(Path.Combine(root, "Kit.slnx"), out _));
    }

    [Fact]
    public void A_classic_sln_is_read_too()
    {
        Write("Kit.sln", "Project(\"{9A19103F-16F7-4668-BE54-9A1E7A4F7556}\") = \"Kit\", \"Kit\\Kit.csproj\", \"{1}\"\nEndProject\n");
        Write("Kit/Kit.csproj", "<Project><ItemGroup><PackageReference Include=\"LazyMmuGen.Generator\" /></ItemGroup></Project>");

        Assert.Equal(Path.Combine(root, "Kit", "Kit.csproj"), ProjectPath.Resolve(root, out _));
    }

    [Fact]
    public void A_folder_holding_one_project_is_that_project_and_a_project_file_is_itself()
    {
        TemplateLayout();

        Assert.Equal(Path.Combine(root, "Kit", "Kit.csproj"), ProjectPath.Resolve(Path.Combine(root, "Kit"), out _));
        Assert.Equal(Path.Combine(root, "Kit.Tests", "Kit.Tests.csproj"), ProjectPath.Resolve(Path.Combine(root, "Kit.Tests", "Kit.Tests.csproj"), out _));
    }

    [Fact]
    public void Anything_else_is_an_error_that_says_what_to_give()
    {
        Write("two/a.csproj", "<Project />");
        Write("two/b.csproj", "<Project />");
        Write("none/readme.txt", "");
        Write("plain.slnx", "<Solution>\n  <Project Path=\"two/a.csproj\" />\n</Solution>\n");
        var two = Path.Combine(root, "two");
        var none = Path.Combine(root, "none");
        var plain = Path.Combine(root, "plain.slnx");

        Assert.Null(ProjectPath.Resolve(two, out var several));
        Assert.Equal($"error: --project {two}: the folder holds 2 projects (a.csproj, b.csproj); give one of them.", several);
        Assert.Null(ProjectPath.Resolve(none, out var empty));
        Assert.Equal($"error: --project {none}: the folder holds no project (*.csproj); give the arch library's project or its folder.", empty);
        Assert.Null(ProjectPath.Resolve(plain, out var noLibrary));
        Assert.StartsWith($"error: --project {plain}: plain.slnx is a solution, and none of its projects references LazyMmuGen.Generator (its projects: ", noLibrary);
        Assert.Null(ProjectPath.Resolve(Path.Combine(root, "missing"), out var missing));
        Assert.Equal($"error: project '{Path.Combine(root, "missing")}' does not exist.", missing);
    }

    [Fact]
    public void A_test_project_that_built_no_arches_points_at_the_library_it_references()
    {
        // Found by a review: `check --project Kit.Tests` said only that the test assembly has no registry.
        TemplateLayout();
        Write("Kit.Tests/Kit.Tests.csproj", "<Project><ItemGroup><ProjectReference Include=\"../Kit/Kit.csproj\" /></ItemGroup></Project>");
        var library = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(root, "Kit", "Kit.csproj"));

        Assert.Equal($" It references {library}, which references LazyMmuGen.Generator: give --project {library}.", ProjectPath.LibraryHint(Path.Combine(root, "Kit.Tests")));
        Assert.Equal("", ProjectPath.LibraryHint(Path.Combine(root, "Kit")));
    }
}
