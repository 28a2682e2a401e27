using System.Diagnostics;
using LazyMmuGen.Checker;
using LazyMmuGen.Hosting;
using LazyMmuGen.Mutation;
using LazyMmuGen.Runtime;

// Usage: LazyMmuGen.Mutation REPO_ROOT [DEPTH] [CAPACITY]. Every mutant of every built-in fragment is compiled into
// each built-in arch that uses its mechanism (through an override, as a consumer would) and model-checked, as
// described and, for an arch with a batch capacity above CAPACITY (default 2; 0: none), also as a checking build
// with LazyMmuBatchCapacity=CAPACITY (docs/checker.md#small-batches). A mutant is killed when some arch's check, in
// either build, ends differently from the unmutated one's; stillborn when it does not compile.
var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
var depth = args.Length > 1 ? int.Parse(args[1]) : 4;
var smallCapacity = args.Length > 2 ? int.Parse(args[2]) : 2;
const string Project = "/project/";
var watch = Stopwatch.StartNew();

var arches = Directory.GetFiles(Path.Combine(root, "arches"), "*.arch.yaml").Order(StringComparer.Ordinal)
    .Select(path => (Name: Path.GetFileName(path)[..^".arch.yaml".Length], Text: File.ReadAllText(path)))
    .ToList();
// The builds each arch is checked in: as described (null) and, when that lowers something, the checking build.
var baseline = new Dictionary<(string, int?), string>();
var scopes = new Dictionary<string, List<int?>>();
var users = new Dictionary<string, List<string>>();
foreach (var (name, text) in arches)
{
    scopes[name] = [null];
    if (smallCapacity > 0 && Source(name, [], smallCapacity) != Source(name, [], null)) scopes[name].Add(smallCapacity);
    foreach (var scope in scopes[name])
    {
        using var loaded = Load(name, text, [], scope);
        var arch = loaded!.Arches.Single();
        baseline[(name, scope)] = Outcome(ModelChecker.Check(arch, new CheckOptions { Depth = depth }));
        if (scope is null)
            foreach (var mechanism in arch.Mechanisms) (users.TryGetValue(mechanism, out var list) ? list : users[mechanism] = []).Add(name);
    }
}

var results = new List<(Mutant Mutant, string Verdict, string Detail)>();
foreach (var folder in Directory.GetDirectories(Path.Combine(root, "mechanisms")).Order(StringComparer.Ordinal))
{
    var mechanism = Path.GetFileName(folder);
    foreach (var file in Directory.GetFiles(folder, "*.scriban").Order(StringComparer.Ordinal))
    {
        var hook = Path.GetFileNameWithoutExtension(file);
        foreach (var mutant in Mutants.Of(mechanism, hook, File.ReadAllText(file).Replace("\r\n", "\n")))
        {
            var verdict = "survived";
            var detail = "";
            var archesUsing = users.GetValueOrDefault(mechanism, []);
            // A line in a template branch no built-in arch renders changes nothing: equivalent by construction.
            if (archesUsing.All(a => scopes[a].All(scope => Source(a, [mutant], scope) == Source(a, [], scope))))
            {
                results.Add((mutant, "unrendered", ""));
                Console.Out.WriteLine($"{"unrendered",-9} {mutant.Name}");
                continue;
            }
            foreach (var (archName, scope) in archesUsing.SelectMany(a => scopes[a].Select(scope => (a, scope))))
            {
                using var loaded = Load(archName, arches.Single(a => a.Name == archName).Text, [mutant], scope);
                if (loaded is null) { verdict = "stillborn"; break; }
                var outcome = Outcome(ModelChecker.Check(loaded.Arches.Single(), new CheckOptions { Depth = depth }));
                if (outcome != baseline[(archName, scope)])
                {
                    verdict = "killed";
                    detail = $"{archName}{(scope is { } c ? $" (batch capacity {c})" : "")}: {outcome}";
                    break;
                }
            }
            results.Add((mutant, verdict, detail));
            Console.Out.WriteLine($"{verdict,-9} {mutant.Name}{(detail.Length > 0 ? "  <- " + detail : "")}");
        }
    }
}

var live = results.Where(r => r.Verdict is "killed" or "survived").ToList();
var killed = live.Count(r => r.Verdict == "killed");
var scoped = scopes.Where(s => s.Value.Count > 1).Select(s => s.Key).ToList();
Console.Out.WriteLine($"\n{results.Count} mutants at depth {depth}"
    + (scoped.Count == 0 ? "" : $" (and batch capacity {smallCapacity} for {string.Join(", ", scoped)})")
    + $": {killed} killed, {live.Count - killed} survived, "
    + $"{results.Count(r => r.Verdict == "unrendered")} unrendered (in a template branch no built-in arch uses), {results.Count(r => r.Verdict == "stillborn")} stillborn (do not compile); "
    + $"kill rate {(live.Count == 0 ? 0 : 100.0 * killed / live.Count):F1}% in {watch.Elapsed.TotalSeconds:F0} s");
foreach (var survivor in live.Where(r => r.Verdict == "survived")) Console.Out.WriteLine($"survivor: {survivor.Mutant.Name}");
return 0;

ExternalArches? Load(string name, string descriptor, Mutant[] mutants, int? capacity)
{
    var path = Project + name + ".arch.yaml";
    List<DescriptorFile> files = [new(path, path, descriptor), .. mutants.Select(m =>
        new DescriptorFile($"{Project}templates/mechanisms/{m.Mechanism}/{m.Hook}.scriban", $"{Project}templates/mechanisms/{m.Mechanism}/{m.Hook}.scriban", m.Text))];
    var outcome = ArchCompiler.Compile(files, Project, "LazyMmuGen.Mutants", capacity);
    return outcome.Succeeded && outcome.Messages.Count == 0 ? ExternalArches.FromImage(outcome.Image!) : null;
}

string Source(string name, Mutant[] mutants, int? capacity)
{
    var path = Project + name + ".arch.yaml";
    List<DescriptorFile> files = [new(path, path, arches.Single(a => a.Name == name).Text), .. mutants.Select(m =>
        new DescriptorFile($"{Project}templates/mechanisms/{m.Mechanism}/{m.Hook}.scriban", $"{Project}templates/mechanisms/{m.Mechanism}/{m.Hook}.scriban", m.Text))];
    return string.Join("\n", ArchCompiler.Generate(files, Project, "LazyMmuGen.Mutants", capacity).Sources.OrderBy(s => s.Key).Select(s => s.Value));
}

static string Outcome(CheckResult result) => result.Violation is { } v ? $"fails: {v.Property} after {v.Script}" : "passes";
