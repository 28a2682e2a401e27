using LazyMmuGen.Runtime;

namespace LazyMmuGen.Checker.Reporting;

/// <summary>
/// A check result against what the arch's descriptor declares (expected-violation): an arch kept to show a bug
/// "fails as expected" when the checker finds exactly that property broken, and is a failure when it passes
/// or breaks something else.
/// </summary>
/// <param name="Result">The check's result.</param>
/// <param name="Expected">The arch's declared violation (<see cref="ArchInfo.ExpectedViolation"/>), or null when it must pass.</param>
public sealed record CheckOutcome(CheckResult Result, ExpectedViolation? Expected)
{
    /// <summary>True when the arch did what its descriptor declares: passed, or broke exactly the declared property.</summary>
    public bool AsDeclared => Expected is null ? Result.Passed : Result.Violation?.Property == Expected.Property;

    /// <summary>pass, fails-as-expected, fail or unexpected-pass (the JSON spelling).</summary>
    public string Kind => (Expected, Result.Passed) switch
    {
        (null, true) => "pass",
        (null, false) => "fail",
        (not null, true) => "unexpected-pass",
        _ => AsDeclared ? "fails-as-expected" : "fail",
    };

    /// <summary>The table cell: pass, fails as expected, UNEXPECTED PASS or FAIL.</summary>
    public string Label => Kind switch
    {
        "pass" => "pass",
        "fails-as-expected" => "fails as expected",
        "unexpected-pass" => "UNEXPECTED PASS",
        _ => "FAIL",
    };

    /// <summary>What to print under the table, or null.</summary>
    public string? Note => Kind switch
    {
        "fails-as-expected" => $"{Result.Arch}: fails as expected ({Expected!.Property}): {Expected.Reason}",
        "unexpected-pass" => $"{Result.Arch}: expected to violate '{Expected!.Property}' ({Expected.Reason}), but passed at depth {Result.Depth}",
        "fail" when Expected is not null => $"{Result.Arch}: expected to violate '{Expected.Property}', but the first violation is '{Result.Violation!.Property}'",
        _ => null,
    };
}
