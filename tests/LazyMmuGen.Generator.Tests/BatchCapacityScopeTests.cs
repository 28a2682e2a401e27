using System.Globalization;
using Microsoft.CodeAnalysis;
using static LazyMmuGen.Tests.Shared.GeneratorHarness;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// LazyMmuBatchCapacity (docs/checker.md#small-batches): a checking build lowers every batch capacity above N to N
/// by the parameters the mechanism's 'batching: capacity:' terms name, says so with LMG0026 at the mechanism, and
/// leaves everything else byte for byte alone; a value that is not 1..255 is LMG0025 and lowers nothing.
/// </summary>
public sealed class BatchCapacityScopeTests
{
    // arches/x86-xen.arch.yaml's mechanism: the kernel's MC_BATCH 32 and MC_ARGS 512 (arch/x86/xen/multicalls.c).
    private const string Xen = "arch: xen\nmechanisms:\n  - kind: hypercall-batch\n    entries: 32\n    arg-bytes: 512\n    update-bytes: 16\n";
    // arches/powerpc-hash.arch.yaml's: PPC64_TLB_BATCH_NR 192 (arch/powerpc/include/asm/book3s/64/tlbflush-hash.h).
    private const string Tlb = "arch: powerpc-like\nmechanisms:\n  - kind: tlb-batch\n    capacity: 192\n";
    private const string Barriers = "arch: barriers\nmechanisms:\n  - kind: deferred-barriers\n";

    private static TestOptionsProvider Capacity(string value)
    {
        var values = new Dictionary<string, string> { ["build_property.projectdir"] = ProjectDir, ["build_property.LazyMmuBatchCapacity"] = value };
        return new TestOptionsProvider(values);
    }

    private static string Message(Diagnostic d) => d.GetMessage(CultureInfo.InvariantCulture);

    private static string At(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"{d.Id} {d.Severity} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }

    [Fact]
    public void Hypercall_batch_is_lowered_through_both_of_its_capacity_terms()
    {
        var run = Run([Descriptor("xen.arch.yaml", Xen)], Capacity("2"));

        run.AssertCompilesCleanly();
        var note = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0026 Info /project/xen.arch.yaml(3,11)", At(note));
        Assert.Equal("LazyMmuBatchCapacity 2: hypercall-batch capacity lowered from 31 to 2 (entries 32 -> 2, arg-bytes 512 -> 48). "
            + "This build is for checking the full-batch paths; do not ship it.", Message(note));
        // 48 / 16 - 1 = 2 updates per buffer, and 2 entries: the registry's bound is the one the code now has.
        Assert.Contains("new global::LazyMmuGen.Runtime.BatchingBound(\"hypercall-batch\", new string[] { \"hypercall\", \"multicall\" }, 2,", run.Source(RegistryHint));
    }

    [Fact]
    public void Tlb_batch_capacity_is_lowered()
    {
        var run = Run([Descriptor("tlb.arch.yaml", Tlb)], Capacity("2"));

        run.AssertCompilesCleanly();
        var note = Assert.Single(run.Diagnostics);
        Assert.Equal("LMG0026 Info /project/tlb.arch.yaml(3,11)", At(note));
        Assert.Contains("capacity lowered from 192 to 2 (capacity 192 -> 2)", Message(note));
        Assert.Contains("new string[] { \"tlb_flush\" }, 2,", run.Source(RegistryHint));
    }

    [Theory]
    [InlineData("31")] // x86-xen's own capacity: nothing above it
    [InlineData("255")]
    public void A_capacity_at_or_above_the_descriptors_changes_nothing(string value)
    {
        var plain = Run(Descriptor("xen.arch.yaml", Xen), Descriptor("barriers.arch.yaml", Barriers));
        var scoped = Run([Descriptor("xen.arch.yaml", Xen), Descriptor("barriers.arch.yaml", Barriers)], Capacity(value));

        Assert.Empty(scoped.Diagnostics);
        Assert.Equal(plain.HintNames.Order(), scoped.HintNames.Order());
        foreach (var hint in plain.HintNames) Assert.Equal(plain.Source(hint), scoped.Source(hint));
    }

    [Fact]
    public void A_mechanism_without_a_capacity_is_left_alone()
    {
        var plain = Run(Descriptor("barriers.arch.yaml", Barriers));
        var scoped = Run([Descriptor("barriers.arch.yaml", Barriers)], Capacity("1"));

        Assert.Empty(scoped.Diagnostics);
        Assert.Equal(plain.Source("Barriers.g.cs"), scoped.Source("Barriers.g.cs"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("256")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("2.5")]
    public void An_invalid_value_is_LMG0025_and_lowers_nothing(string value)
    {
        var plain = Run(Descriptor("tlb.arch.yaml", Tlb));
        var scoped = Run([Descriptor("tlb.arch.yaml", Tlb)], Capacity(value));

        scoped.AssertNoCrash();
        var error = Assert.Single(scoped.Diagnostics);
        Assert.Equal("LMG0025", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(Location.None, error.Location);
        Assert.Equal($"MSBuild property LazyMmuBatchCapacity '{value}' is not an integer in 1..255, so no capacity is lowered. "
            + "Set it to a small batch size such as 2, or remove it.", Message(error));
        Assert.Equal(plain.Source("PowerpcLike.g.cs"), scoped.Source("PowerpcLike.g.cs"));
    }

    [Fact]
    public void Blank_is_the_same_as_unset()
    {
        var plain = Run(Descriptor("tlb.arch.yaml", Tlb));
        var scoped = Run([Descriptor("tlb.arch.yaml", Tlb)], Capacity("  "));

        Assert.Empty(scoped.Diagnostics);
        Assert.Equal(plain.Source("PowerpcLike.g.cs"), scoped.Source("PowerpcLike.g.cs"));
    }
}
