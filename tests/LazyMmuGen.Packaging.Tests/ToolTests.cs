using System.Diagnostics;
using System.IO.Compression;
using Xunit.Abstractions;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>
/// The LazyMmuGen.Tool package (cli/ packed as a .NET tool): packed once with a unique version into a temporary
/// feed (<see cref="PackedFeed"/>, shared with the other package tests), installed with `dotnet tool install
/// --tool-path`, and run on descriptors in a folder with no project, so the generator, Scriban, YamlDotNet and
/// Roslyn must all come from the tool's own folder.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class ToolTests(ToolTests.InstalledTool tool, ITestOutputHelper output) : IClassFixture<ToolTests.InstalledTool>
{
    // The riscv-sfence descriptor of README.md and docs/packaging.md, renamed so that it cannot clash with a built-in of that name (the README tour adds one).
    private const string RiscvSfence = """
        arch: cli-riscv-sfence
        summary: Batches sfence.vma invalidations per CPU, 64 at a time, flushing when the mm changes.
        mechanisms:
          - kind: tlb-batch
            capacity: 64
            flush-keys: [mm]

        """;

    [Fact]
    public void PackageHoldsTheToolAndEverythingItLoads()
    {
        output.WriteLine(tool.Report);
        using var package = ZipFile.OpenRead(tool.Package);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "README.md",
            "tools/net10.0/any/DotnetToolSettings.xml",
            "tools/net10.0/any/lazymmu.dll",
            "tools/net10.0/any/LazyMmuGen.Runtime.dll",
            "tools/net10.0/any/LazyMmuGen.Checker.dll",
            "tools/net10.0/any/LazyMmuGen.Simulator.dll",
            "tools/net10.0/any/LazyMmuGen.Arches.dll",
            "tools/net10.0/any/LazyMmuGen.Hosting.dll",
            "tools/net10.0/any/LazyMmuGen.Generator.dll",
            "tools/net10.0/any/Scriban.Signed.dll",
            "tools/net10.0/any/YamlDotNet.dll",
            "tools/net10.0/any/Microsoft.CodeAnalysis.dll",
            "tools/net10.0/any/Microsoft.CodeAnalysis.CSharp.dll",
        ];
        var missing = expected.Where(e => !entries.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "missing from the package: " + string.Join(", ", missing));

        using var nuspec = new StreamReader(package.GetEntry("LazyMmuGen.Tool.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<packageType name=\"DotnetTool\" />", text);
        Assert.DoesNotContain("<dependencies", text); // A tool package carries its dependencies inside it.
        using var settings = new StreamReader(package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        Assert.Contains("<Command Name=\"lazymmu\" EntryPoint=\"lazymmu.dll\" Runner=\"dotnet\" />", settings.ReadToEnd());
    }

    [Fact]
    public void BuiltInArchesShipInTheTool()
    {
        var run = tool.Run(tool.NewFolder(), "arches");
        output.WriteLine(run.ToString());

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains(Cells(run.Stdout), row => row[0] == "arm64");
        Assert.Contains(Cells(run.Stdout), row => row[0] == "x86-xen");
    }

    [Fact]
    public void ChecksADescriptorOutsideAnyProject()
    {
        var folder = tool.SfenceFolder(RiscvSfence);

        var run = tool.Run(folder, "check", Path.Combine(folder, "x.arch.yaml"), "--depth", "4");
        output.WriteLine(run.ToString());

        Assert.True(run.Exit == 0, run.ToString());
        var table = Table(run.Stdout, "arch");
        var row = Assert.Single(table.Rows);
        Assert.Equal("cli-riscv-sfence", row[table.Column("arch")]);
        Assert.Equal("pass", row[table.Column("result")]);
        Assert.Equal("4", row[table.Column("depth")]);
    }

    [Fact]
    public void TracesADescriptorOutsideAnyProject()
    {
        var folder = tool.SfenceFolder(RiscvSfence);

        var run = tool.Run(folder, "trace", Path.Combine(folder, "x.arch.yaml"), "--ops", "enable;set_pte;set_pte(mm=2);disable");
        output.WriteLine(run.ToString());

        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("== cli-riscv-sfence ==", run.Stdout);
        var table = Table(run.Stdout, "op");
        Assert.Equal(["enable", "set_pte", "set_pte(mm=2)", "disable"], table.Rows.Select(r => r[0]));
        var effects = table.Column("effects");
        // The mm changes: the pending invalidation is flushed before the new pte is queued.
        Assert.Equal("tlb_flush=1 tlb_flush_entries=1 pte_write=1", table.Rows[2][effects]);
        Assert.Equal("1", table.Rows[2][table.Column("pending")]);
        // Leaving the section flushes the one queued for mm 2.
        Assert.Equal("tlb_flush=1 tlb_flush_entries=1 preempt_enable=1", table.Rows[3][effects]);
        Assert.Equal("leave", table.Rows[3][table.Column("callbacks")]);
        Assert.Equal("0", table.Rows[3][table.Column("pending")]);
    }

    [Fact]
    public void ADescriptorErrorIsReportedAtItsLineAndColumn()
    {
        var folder = tool.NewFolder();
        File.WriteAllText(Path.Combine(folder, "x.arch.yaml"), RiscvSfence.Replace("capacity: 64", "capacity: 0", StringComparison.Ordinal));

        var run = tool.Run(folder, "check", "x.arch.yaml", "--depth", "4");
        output.WriteLine(run.ToString());

        Assert.True(run.Exit == 2, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("x.arch.yaml(5,15): error LMG0011: ", line, StringComparison.Ordinal);
        Assert.Contains("'capacity'", line);
        Assert.DoesNotContain("cli-riscv-sfence", run.Stdout);
    }

    private sealed record TextTable(string[] Header, List<string[]> Rows)
    {
        public int Column(string name) => Array.IndexOf(Header, name) is var i and >= 0 ? i : throw new InvalidOperationException($"no column '{name}' in: {string.Join(" | ", Header)}");
    }

    /// <summary>The first table whose header's first cell is <paramref name="first"/>: its header and its rows (the `---+---` rule skipped).</summary>
    private static TextTable Table(string text, string first)
    {
        var rows = Cells(text);
        var start = rows.FindIndex(r => r[0] == first);
        Assert.True(start >= 0, $"no table with a '{first}' column in:\n{text}");
        var body = rows.Skip(start + 1).SkipWhile(r => r.All(c => c.All(ch => ch == '-'))).TakeWhile(r => r.Length == rows[start].Length).ToList();
        return new TextTable(rows[start], body);
    }

    private static List<string[]> Cells(string text) =>
        text.Replace("\r\n", "\n").Split('\n')
            .Where(l => l.Contains('|'))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToList();

    public sealed record ToolRun(string[] Arguments, int Exit, string Stdout, string Stderr)
    {
        public override string ToString() => $"$ lazymmu {string.Join(' ', Arguments)}\nexit {Exit}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
    }

    /// <summary>
    /// One install for the whole class: `dotnet tool install --tool-path` of the LazyMmuGen.Tool package that
    /// <see cref="PackedFeed"/> packed (cli/ with a unique prerelease version, built in a temporary artifacts folder,
    /// so the repository's bin/ and obj/ are untouched), from that feed alone, into a tool folder of the class's own.
    /// </summary>
    public sealed class InstalledTool : IDisposable
    {
        private static readonly TimeSpan InstallLimit = TimeSpan.FromMinutes(5);
        private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);
        private readonly string work = Directory.CreateTempSubdirectory("lazymmu-tool-test-").FullName;
        private int folders;
        private string? sfence;

        public InstalledTool(PackedFeed packed)
        {
            var version = packed.Version;
            var feed = packed.Feed;
            var tools = Path.Combine(work, "tool");
            // Only the temporary feed: the install neither asks the configured sources nor finds an older package.
            var config = Path.Combine(work, "nuget.config");
            File.WriteAllText(config, "<configuration><packageSources><clear /></packageSources></configuration>");

            var watch = Stopwatch.StartNew();
            Dotnet("tool", "install", "--tool-path", tools, "LazyMmuGen.Tool", "--version", version,
                "--add-source", feed, "--configfile", config);
            Package = packed.Package("LazyMmuGen.Tool");
            Executable = Path.Combine(tools, OperatingSystem.IsWindows() ? "lazymmu.exe" : "lazymmu");
            Report = $"LazyMmuGen.Tool {version}: pack {packed.PackTime.TotalSeconds:F0} s (the shared pack of every package), install {watch.Elapsed.TotalSeconds:F0} s";
            if (!File.Exists(Package) || !File.Exists(Executable))
                throw new InvalidOperationException($"{Report}: no {Package} or no {Executable}:\n{Log}");
        }

        public string Package { get; }

        public string Executable { get; }

        public string Report { get; }

        private string Log { get; set; } = "";

        /// <summary>A new empty folder with no project in or above it (below the system temp folder).</summary>
        public string NewFolder() => Directory.CreateDirectory(Path.Combine(work, "run" + Interlocked.Increment(ref folders))).FullName;

        /// <summary>
        /// The one folder holding <paramref name="text"/> as x.arch.yaml, for every test that runs it: the same
        /// path and working folder, so all but the first run take the compiled library from the cache.
        /// </summary>
        public string SfenceFolder(string text)
        {
            lock (this)
            {
                if (sfence is null)
                {
                    sfence = NewFolder();
                    File.WriteAllText(Path.Combine(sfence, "x.arch.yaml"), text);
                }
                return sfence;
            }
        }

        /// <summary>Runs the installed tool in <paramref name="folder"/>, with a compiled-descriptor cache of this test's own.</summary>
        public ToolRun Run(string folder, params string[] arguments)
        {
            var start = new ProcessStartInfo(Executable)
            {
                WorkingDirectory = folder,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            start.Environment["LAZYMMU_CACHE"] = Path.Combine(work, "cache");
            ChildDotnet.WithoutOuterMsBuild(start);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(RunLimit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"lazymmu {string.Join(' ', arguments)} did not finish within {RunLimit.TotalMinutes} minutes");
            }
            return new ToolRun(arguments, process.ExitCode, stdout.Result.Replace("\r\n", "\n"), stderr.Result.Replace("\r\n", "\n"));
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

        private void Dotnet(params string[] arguments)
        {
            var (finished, exit, text) = ChildDotnet.Run(work, arguments, InstallLimit);
            Log += text;
            if (!finished || exit != 0)
                throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} {(finished ? $"exited with {exit}" : $"did not finish within {InstallLimit.TotalMinutes} minutes")}:\n{Tail(Log)}");
        }

        private static string Tail(string text) => text.Length <= 6000 ? text : "...\n" + text[^6000..];
    }
}
