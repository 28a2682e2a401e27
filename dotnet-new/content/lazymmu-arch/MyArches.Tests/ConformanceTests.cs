namespace MyArches.Tests;

/// <summary>
/// Every arch against the lazy MMU contract: the seed's summary trace, the generic contract table, and the model
/// check at depth 4 (or exactly the violation a descriptor declares).
/// </summary>
public sealed class ConformanceTests : ArchConformanceTests
{
    protected override IEnumerable<ArchInfo> Arches => LazyMmuArchRegistry.All;
}
