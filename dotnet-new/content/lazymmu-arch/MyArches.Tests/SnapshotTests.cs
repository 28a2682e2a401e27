namespace MyArches.Tests;

/// <summary>
/// The generated source of every arch against Snapshots/SnapshotTests.GeneratedSource_TYPE.verified.cs. A descriptor
/// change that changes the generated code fails here with a diff; accept it with `LAZYMMU_ACCEPT=1 dotnet test`.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void GeneratedSource() => ArchSnapshots.VerifyAll(LazyMmuArchRegistry.All);
}
