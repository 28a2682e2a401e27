using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>
/// The test classes that need the packed packages (PackageContentsTests, TemplateTests, ToolTests, SampleTests):
/// one collection, so they share one <see cref="PackedFeed"/> and run one after another (the other classes of the
/// assembly still run beside them).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packed feed";
}

/// <summary>
/// Every package, packed once per test run: one `dotnet pack` of a temporary solution holding the generator, runtime,
/// checker and testing projects, the dotnet-new template package and cli/ (the LazyMmuGen.Tool tool), so the
/// projects build once, in one MSBuild run, in a temporary artifacts folder (the repository's bin/ and obj/ are
/// untouched), with a unique prerelease version, into a temporary feed. Nothing writes to the feed after that: a
/// test that installs or restores from it does so into folders of its own (its template hive, tool path,
/// packages folder).
/// </summary>
public sealed class PackedFeed : IDisposable
{
    /// <summary>Library packages by id; LazyMmuGen.Testing is packed only once its project exists.</summary>
    public static readonly string[] Libraries = ["LazyMmuGen.Runtime", "LazyMmuGen.Checker", "LazyMmuGen.Testing"];

    private static readonly Dictionary<string, string> Projects = new()
    {
        ["LazyMmuGen.Runtime"] = "runtime/LazyMmuGen.Runtime.csproj",
        ["LazyMmuGen.Checker"] = "checker/LazyMmuGen.Checker.csproj",
        ["LazyMmuGen.Testing"] = "testing/LazyMmuGen.Testing.csproj",
        ["LazyMmuGen.Generator"] = "generator/LazyMmuGen.Generator.csproj",
        ["LazyMmuGen.Tool"] = "cli/LazyMmuGen.Cli.csproj",
    };

    /// <summary>The pack builds most of the repository (cli/ needs the arches, the simulator and the hosting); a busy machine is slow.</summary>
    private static readonly TimeSpan PackLimit = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private readonly string work = Directory.CreateTempSubdirectory("lazymmu-packed-feed-").FullName;
    private readonly Dictionary<string, Dictionary<string, XElement>> docs = new();

    public PackedFeed()
    {
        Version = $"0.1.0-packtest.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        Feed = Path.Combine(work, "feed");
        var projects = Projects.Where(p => Exists(p.Key)).Select(p => RepoRoot.Combine(p.Value.Split('/')))
            .Concat(Templates().Select(TemplateProject)).ToList();
        var solution = Path.Combine(work, "packages.slnx");
        File.WriteAllText(solution, "<Solution>\n" + string.Concat(projects.Select(p =>
            $"  <Project Path=\"{Path.GetRelativePath(work, p).Replace('\\', '/')}\" />\n")) + "</Solution>\n");

        var watch = Stopwatch.StartNew();
        var (exit, text) = Dotnet(work, PackLimit, "pack", solution, "-c", "Release", "-nologo", "-v:minimal", $"-p:Version={Version}",
            $"-p:PackageOutputPath={Feed}{Path.DirectorySeparatorChar}", "--artifacts-path", Path.Combine(work, "build"));
        PackTime = watch.Elapsed;
        Report = $"pack of {projects.Count} projects, {Version}: {PackTime.TotalSeconds:F0} s\n{text}";
        if (exit != 0) throw new InvalidOperationException($"dotnet pack exited with {exit}:\n{Report}");

        Commit = Git("rev-parse", "HEAD");
        var origin = Git("remote", "get-url", "origin");
        // A web URL (https, ssh, git@host:path) is published; a local path or no remote is not (docs/packaging.md).
        WebOrigin = origin is not null && !Path.IsPathRooted(origin) && !origin.StartsWith('.') && !origin.StartsWith("file:", StringComparison.Ordinal);
    }

    /// <summary>The temporary folder of the run: the solution, the build, the feed.</summary>
    public string Work => work;

    /// <summary>The one version every package is packed with.</summary>
    public string Version { get; }

    /// <summary>The folder feed holding every package (and the symbols packages).</summary>
    public string Feed { get; }

    public TimeSpan PackTime { get; }

    /// <summary>What was packed, how long it took, and the pack's output.</summary>
    public string Report { get; }

    /// <summary>HEAD of the repository, or null when it is not a git checkout.</summary>
    public string? Commit { get; }

    public bool WebOrigin { get; }

    public static bool Exists(string id) => File.Exists(RepoRoot.Combine(Projects[id].Split('/')));

    /// <summary>The template package(s) of dotnet-new/, once that folder has a project: packed for their metadata.</summary>
    public static IEnumerable<string> Templates() =>
        Directory.Exists(RepoRoot.Combine("dotnet-new"))
            ? Directory.GetFiles(RepoRoot.Combine("dotnet-new"), "*.csproj").Select(PackageId).Order(StringComparer.Ordinal)
            : [];

    /// <summary>The path of package <paramref name="id"/> in the feed (whether or not it is there).</summary>
    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public ZipArchive Open(string id)
    {
        var path = Package(id);
        if (!File.Exists(path))
            throw new FileNotFoundException($"no {Path.GetFileName(path)} in the feed: {string.Join(", ", Directory.GetFiles(Feed).Select(Path.GetFileName))}\n{Report}");
        return ZipFile.OpenRead(path);
    }

    /// <summary>The documented members of a library package's XML file, by their doc-comment id.</summary>
    public Dictionary<string, XElement> DocMembers(string id)
    {
        lock (docs)
        {
            if (docs.TryGetValue(id, out var found)) return found;
            using var package = Open(id);
            using var stream = package.GetEntry($"lib/net10.0/{id}.xml")!.Open();
            return docs[id] = XDocument.Load(stream).Descendants("member").ToDictionary(m => m.Attribute("name")!.Value);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file open; the temp folder is the system's to clean then.
        }
    }

    /// <summary>
    /// Runs `dotnet ARGS` in <paramref name="folder"/> and returns its exit code and output. The output goes to a
    /// file, not to pipes this fixture would have to drain (build servers may outlive dotnet); the outer
    /// `dotnet test` build's MSBuild settings are kept out.
    /// </summary>
    public static (int Exit, string Log) Dotnet(string folder, params string[] arguments) => Dotnet(folder, Limit, arguments);

    private static (int Exit, string Log) Dotnet(string folder, TimeSpan limit, params string[] arguments)
    {
        var run = ChildDotnet.Run(folder, arguments, limit);
        return (run.Exit, run.Finished ? run.Log : $"timed out after {limit.TotalMinutes} minutes\n{run.Log}");
    }

    private static string TemplateProject(string id) =>
        Directory.GetFiles(RepoRoot.Combine("dotnet-new"), "*.csproj").Single(p => PackageId(p) == id);

    /// <summary>A project's PackageId, or its file name when it does not set one.</summary>
    private static string PackageId(string project) =>
        XDocument.Load(project).Descendants().FirstOrDefault(e => e.Name.LocalName == "PackageId")?.Value.Trim()
        ?? Path.GetFileNameWithoutExtension(project);

    private static string? Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = RepoRoot.Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && text.Length > 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // No git on this machine.
        }
    }
}
