namespace LazyMmuGen.Runtime;

/// <summary>
/// The model-check violation an arch descriptor declares it is expected to have ('expected-violation:'), so
/// tools can report "fails as expected" instead of a failure. <see cref="Property"/> is the exact name of the
/// checker property the arch violates (e.g. "no arch BUG"); <see cref="Reason"/> says why the arch is kept.
/// Both are one line of text, validated by the generator like the summary.
/// </summary>
/// <param name="Property">The checker property the arch is known to violate, exactly as <c>Violation.Property</c> names it.</param>
/// <param name="Reason">Why the arch is kept although it fails (e.g. it reproduces a kernel race), one line.</param>
public sealed record ExpectedViolation(string Property, string Reason);
