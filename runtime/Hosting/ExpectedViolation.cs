namespace LazyMmuGen.Runtime;

/// <summary>
/// The model-check violation an arch descriptor declares it is expected to have ('expected-violation:'), so
/// tools can report "fails as expected" instead of a failure. <see cref="Property"/> is the exact name of the
/// checker property the arch violates (e.g. "no arch BUG"); <see cref="Reason"/> says why the arch is kept.
/// Both are one line of text, validated by the generator like the summary.
/// </summary>
public sealed record ExpectedViolation(string Property, string Reason);
