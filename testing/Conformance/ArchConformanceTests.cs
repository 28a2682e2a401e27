using LazyMmuGen.Runtime;
using Xunit;

namespace LazyMmuGen.Testing;

/// <summary>
/// The contract tests of a registry, for a test project to inherit: derive a class, return your arches from
/// <see cref="Arches"/>, and xunit runs these facts on it. Each fact checks every arch and fails once, naming
/// each failing arch and why.
/// <code>
/// public sealed class ConformanceTests : ArchConformanceTests
/// {
///     protected override IEnumerable&lt;ArchInfo&gt; Arches => LazyMmuArchRegistry.All;
/// }
/// </code>
/// </summary>
public abstract class ArchConformanceTests
{
    /// <summary>The arches under test, usually <c>LazyMmuArchRegistry.All</c> of the arch library.</summary>
    protected abstract IEnumerable<ArchInfo> Arches { get; }

    /// <summary>How deep <see cref="Model_check_passes_or_fails_as_declared"/> explores; 4 by default.</summary>
    protected virtual int Depth => 4;

    /// <summary>Every arch reproduces the seed's summary trace (docs/contract.md §4).</summary>
    [Fact]
    public void Seed_summary_trace_matches_the_contract() =>
        Report("the seed's summary trace (docs/contract.md §4)", ArchConformance.SummaryTrace);

    /// <summary>Every arch follows every row of the generic contract table (docs/contract.md §2, <see cref="ContractTable"/>).</summary>
    [Fact]
    public void Contract_table_holds() =>
        Report("the generic contract table (docs/contract.md §2)", ArchConformance.ContractTableRows);

    /// <summary>Every arch passes the model check at <see cref="Depth"/>, or breaks exactly the property it declares.</summary>
    [Fact]
    public void Model_check_passes_or_fails_as_declared() =>
        Report($"the model check at depth {Depth}", arch => ArchConformance.ModelCheck(arch, Depth));

    private void Report(string what, Func<ArchInfo, string?> check)
    {
        var arches = Arches.ToList();
        if (arches.Count == 0)
            Assert.Fail($"{GetType().Name}.Arches is empty: the registry has no arch. Is there a *.arch.yaml descriptor in the arch library, and does it build without LMG errors?");
        var failures = arches.Select(a => (a.Name, Problem: check(a))).Where(f => f.Problem is not null).ToList();
        if (failures.Count == 0) return;
        Assert.Fail($"{failures.Count} of {arches.Count} arches fail {what}:\n" +
                    string.Join("\n", failures.Select(f => $"- {f.Name}: {f.Problem}")) +
                    "\n(lazymmu is the LazyMmuGen.Tool: `dotnet lazymmu ...` after `dotnet tool restore`; add --project PATH for your arch library.)");
    }
}
