using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>
/// What an IDE and a debugger get from the packages (docs/packaging.md, "IDE support"): the runtime, checker and
/// testing packages carry their XML documentation next to the dll and a symbols package with the sources in the pdb;
/// the generator package carries the descriptor schema and the build targets that copy it for editors; every package
/// carries the MIT license, the readme and the repository metadata git gives at build time. The packages are the
/// ones <see cref="PackedFeed"/> packs once per test run, in one build, with a unique version, into a temporary folder.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class PackageContentsTests(PackedFeed packed, ITestOutputHelper output)
{
    /// <summary>The library packages: lib/net10.0/ID.dll with ID.xml beside it, and ID.snupkg.</summary>
    public static TheoryData<string> Libraries() => new(PackedFeed.Libraries.Where(PackedFeed.Exists));

    /// <summary>Every package this class looks into (the tool package is ToolTests').</summary>
    public static TheoryData<string> Packages() => new(PackedFeed.Libraries.Where(PackedFeed.Exists).Append("LazyMmuGen.Generator").Concat(PackedFeed.Templates()));

    [Theory]
    [MemberData(nameof(Libraries))]
    public void LibraryShipsItsXmlDocumentationNextToTheDll(string id)
    {
        output.WriteLine(packed.Report);
        using var package = packed.Open(id);
        Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.dll"));
        var xml = package.GetEntry($"lib/net10.0/{id}.xml");
        Assert.True(xml is not null, $"{id}: no lib/net10.0/{id}.xml in {string.Join(", ", package.Entries.Select(e => e.FullName))}");
        using var stream = xml.Open();
        var doc = XDocument.Load(stream);
        Assert.Equal(id, doc.Root?.Element("assembly")?.Element("name")?.Value);
        var members = doc.Descendants("member").ToList();
        Assert.True(members.Count > 20, $"{id}: only {members.Count} documented members");
        // Every member has text: no empty <summary/> stubs.
        Assert.DoesNotContain(members, m => m.Element("summary") is { } s && string.IsNullOrWhiteSpace(s.Value));
    }

    [Fact]
    public void RuntimeDocumentsPteWriteAndTheMachineApi()
    {
        var members = packed.DocMembers("LazyMmuGen.Runtime");
        const string ctor = "M:LazyMmuGen.Runtime.PteWrite.#ctor(System.Int32,System.UInt64,LazyMmuGen.Runtime.PteKind,System.Boolean,System.UInt64,System.Byte,System.Byte)";
        Assert.True(members.ContainsKey(ctor), "no doc for the PteWrite constructor");
        var parameters = members[ctor].Elements("param").ToDictionary(p => p.Attribute("name")!.Value, p => p.Value.Trim());
        Assert.Equal(["Mm", "Addr", "Kind", "Valid", "Value", "PageShift", "SegmentShift"], parameters.Keys);
        Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Value), $"PteWrite parameter {p.Key} has no text"));
        // The positional properties carry the parameters' text, so IntelliSense shows it on write.Value too.
        Assert.Contains("opaque", Summary(members, "P:LazyMmuGen.Runtime.PteWrite.Value"));
        Assert.Contains("Named arguments", members["T:LazyMmuGen.Runtime.PteWrite"].Element("example")?.Value ?? "");
        Assert.Contains("lazy_mmu_mode_disable()", Summary(members, "M:LazyMmuGen.Runtime.MachineCore.Disable"));
        Assert.NotEmpty(Summary(members, "M:LazyMmuGen.Runtime.MachineCore.SetPte(LazyMmuGen.Runtime.PteWrite@)"));
        Assert.NotEmpty(Summary(members, "T:LazyMmuGen.Runtime.Machine`3"));
        Assert.NotEmpty(Summary(members, "P:LazyMmuGen.Runtime.MachineCore.Effects"));
    }

    [Fact]
    public void CheckerDocumentsModelCheckerAndItsResult()
    {
        var members = packed.DocMembers("LazyMmuGen.Checker");
        Assert.NotEmpty(Summary(members, "T:LazyMmuGen.Checker.ModelChecker"));
        Assert.NotEmpty(Summary(members, "M:LazyMmuGen.Checker.ModelChecker.Check(LazyMmuGen.Runtime.ArchInfo,LazyMmuGen.Checker.CheckOptions)"));
        Assert.NotEmpty(Summary(members, "P:LazyMmuGen.Checker.CheckOptions.Depth"));
        Assert.NotEmpty(Summary(members, "P:LazyMmuGen.Checker.CheckResult.Passed"));
        Assert.NotEmpty(Summary(members, "P:LazyMmuGen.Checker.Violation.Reproduce"));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void SymbolsPackageHoldsThePdbWithItsSources(string id)
    {
        var path = Path.Combine(packed.Feed, $"{id}.{packed.Version}.snupkg");
        Assert.True(File.Exists(path), $"no {Path.GetFileName(path)} in {string.Join(", ", Directory.GetFiles(packed.Feed).Select(Path.GetFileName))}");
        using var symbols = ZipFile.OpenRead(path);
        var pdb = symbols.GetEntry($"lib/net10.0/{id}.pdb");
        Assert.NotNull(pdb);
        using var copy = new MemoryStream();
        using (var stream = pdb.Open()) stream.CopyTo(copy);
        copy.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(copy);
        var (documents, embedded) = Sources(provider.GetMetadataReader());
        Assert.True(documents > 0 && embedded == documents, $"{id}: {embedded} of {documents} source documents embedded in the pdb (EmbedAllSources)");
    }

    [Fact]
    public void GeneratorShipsTheSchemaAndTheTargetsThatCopyIt()
    {
        using var package = packed.Open("LazyMmuGen.Generator");
        Assert.Equal(File.ReadAllBytes(RepoRoot.Combine("schema", "arch.schema.json")), Bytes(package, "schema/arch.schema.json"));
        foreach (var file in new[] { "build/LazyMmuGen.Generator.props", "build/LazyMmuGen.Generator.targets", "buildTransitive/LazyMmuGen.Generator.props", "buildTransitive/LazyMmuGen.Generator.targets" })
            Assert.Equal(File.ReadAllBytes(RepoRoot.Combine("generator", file)), Bytes(package, file));
        var targets = XDocument.Parse(Text(package, "build/LazyMmuGen.Generator.targets"));
        XNamespace ns = targets.Root!.Name.Namespace;
        var copy = targets.Descendants(ns + "Target").Single(t => (string?)t.Attribute("Name") == "LazyMmuCopySchema");
        Assert.Contains("CoreCompile", (string?)copy.Attribute("BeforeTargets"));
        Assert.Contains(targets.Descendants(ns + "LazyMmuSchemaFile"), p => p.Value == "$(BaseIntermediateOutputPath)lazymmu/arch.schema.json");
        Assert.Contains("$(MSBuildThisFileDirectory)', '..', 'schema', 'arch.schema.json'", targets.ToString());

        // No lib/ and so no symbols package: the pdb (with its sources) is embedded in the analyzer dll.
        Assert.False(File.Exists(Path.Combine(packed.Feed, $"LazyMmuGen.Generator.{packed.Version}.snupkg")));
        using var pe = new PEReader(new MemoryStream(Bytes(package, "analyzers/dotnet/cs/LazyMmuGen.Generator.dll")));
        var entry = pe.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(entry);
        var (documents, embedded) = Sources(provider.GetMetadataReader());
        Assert.True(documents > 0 && embedded == documents, $"generator: {embedded} of {documents} source documents embedded");
    }

    [Fact]
    public void AConsumerBuildCopiesTheSchemaWhereTheModelineFindsIt()
    {
        // A project outside the repository referencing the generator package from the feed alone.
        var project = Directory.CreateDirectory(Path.Combine(packed.Work, "consumer")).FullName;
        File.WriteAllText(Path.Combine(project, "nuget.config"),
            $"<configuration><packageSources><clear /><add key=\"feed\" value=\"{packed.Feed}\" /></packageSources></configuration>");
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="LazyMmuGen.Generator" Version="{packed.Version}" />
                <PackageReference Include="LazyMmuGen.Runtime" Version="{packed.Version}" />
              </ItemGroup>
            </Project>
            """);
        // The modeline docs/packaging.md gives for a descriptor in the project folder; the generator reads past it.
        File.WriteAllText(Path.Combine(project, "riscv-sfence.arch.yaml"), """
            # yaml-language-server: $schema=obj/lazymmu/arch.schema.json
            arch: riscv-sfence
            summary: Batches sfence.vma invalidations per CPU, 64 at a time, flushing when the mm changes.
            mechanisms:
              - kind: tlb-batch
                capacity: 64
                flush-keys: [mm]

            """);

        var (exit, log) = PackedFeed.Dotnet(project, "build", "-nologo", "-v:minimal", "--packages", Path.Combine(packed.Work, "consumer-packages"));
        output.WriteLine(log);

        Assert.True(exit == 0, log);
        // The path documented for the modeline of a descriptor in the project folder: obj/lazymmu/arch.schema.json.
        var copied = Path.Combine(project, "obj", "lazymmu", "arch.schema.json");
        Assert.True(File.Exists(copied), $"no {copied}");
        Assert.Equal(File.ReadAllBytes(RepoRoot.Combine("schema", "arch.schema.json")), File.ReadAllBytes(copied));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void EveryPackageHasLicenseReadmeAndRepository(string id)
    {
        using var package = packed.Open(id);
        var nuspec = XDocument.Parse(Text(package, $"{id}.nuspec"));
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        XElement? Element(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

        Assert.Equal("MIT", Value("license"));
        Assert.Equal("expression", (string?)Element("license")!.Attribute("type"));
        Assert.Equal("LazyMmuGen contributors", Value("authors"));
        Assert.Contains("LazyMmuGen contributors", Value("copyright"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal(File.ReadAllBytes(RepoRoot.Combine("docs", "packaging.md")), Bytes(package, "README.md"));
        Assert.Equal(File.ReadAllBytes(RepoRoot.Combine("LICENSE")), Bytes(package, "LICENSE"));

        // Repository metadata is what git says at pack time, nothing made up: the commit always (when this is a
        // git checkout), and a URL and project page only when origin is a web URL, not a local path.
        var repository = Element("repository");
        Assert.NotNull(repository);
        Assert.Equal("git", (string?)repository.Attribute("type"));
        if (packed.Commit is { } commit) Assert.Equal(commit, (string?)repository.Attribute("commit"));
        var url = (string?)repository.Attribute("url");
        if (packed.WebOrigin)
        {
            Assert.StartsWith("http", url);
            Assert.StartsWith("http", Value("projectUrl"));
        }
        else
        {
            Assert.Null(url);
            Assert.Null(Value("projectUrl"));
        }
    }

    private static string Summary(Dictionary<string, XElement> members, string name)
    {
        Assert.True(members.TryGetValue(name, out var member), $"no doc for {name}");
        return member.Element("summary")?.Value.Trim() ?? "";
    }

    /// <summary>The pdb's source documents, and how many of them have their text embedded.</summary>
    private static (int Documents, int Embedded) Sources(MetadataReader pdb)
    {
        var embeddedSource = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
        var embedded = pdb.CustomDebugInformation
            .Select(pdb.GetCustomDebugInformation)
            .Count(c => c.Parent.Kind == HandleKind.Document && pdb.GetGuid(c.Kind) == embeddedSource);
        return (pdb.Documents.Count, embedded);
    }

    private static byte[] Bytes(ZipArchive package, string entry)
    {
        var found = package.GetEntry(entry);
        Assert.True(found is not null, $"no {entry} in the package: {string.Join(", ", package.Entries.Select(e => e.FullName))}");
        using var stream = found.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Text(ZipArchive package, string entry) => System.Text.Encoding.UTF8.GetString(Bytes(package, entry)).TrimStart('\uFEFF');
}
