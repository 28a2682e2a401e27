using System.Reflection;
using LazyMmuGen.Arches;
using LazyMmuGen.Cli.Output;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Packaging.Tests;

/// <summary>lazymmu arches --format markdown reads the facts the generator published, and docs/arch-matrix.md is its current output.</summary>
public sealed class ArchMatrixTests
{
    [Fact]
    public void DocsHoldTheCurrentMatrix()
    {
        var matrix = ArchMatrix.Markdown(LazyMmuArchRegistry.All);
        var docs = File.ReadAllText(RepoRoot.Combine("docs", "arch-matrix.md")).Replace("\r\n", "\n");

        Assert.True(docs.Contains(matrix, StringComparison.Ordinal),
            "docs/arch-matrix.md is out of date: run `dotnet run --project cli -- accept`. The current matrix:\n" + matrix);
    }

    /// <summary>README.md embeds the matrix ("Arch support"), and it must be the current one.</summary>
    [Fact]
    public void ReadmeHoldsTheCurrentMatrix()
    {
        var matrix = ArchMatrix.Markdown(LazyMmuArchRegistry.All);
        var readme = File.ReadAllText(RepoRoot.Combine("README.md")).Replace("\r\n", "\n");

        Assert.True(readme.Contains(matrix, StringComparison.Ordinal),
            "README.md embeds an out-of-date arch matrix: run `dotnet run --project cli -- accept`. The current matrix:\n" + matrix);
    }

    [Fact]
    public void CallbacksAndStateComeFromTheFactsTheGeneratorPublished()
    {
        var arm64 = LazyMmuArchRegistry.Arm64;
        Assert.False(arm64.Facts.DoesWork("Enter"));
        Assert.True(arm64.Facts.DoesWork("Leave"));
        Assert.Equal("`BarriersPending`", ArchMatrix.Fields(arm64.Facts.TaskStateFields));
        Assert.Equal("–", ArchMatrix.Fields(arm64.Facts.CpuStateFields));

        var rows = ArchMatrix.Markdown(LazyMmuArchRegistry.All).Split('\n');
        var row = rows.Single(l => l.StartsWith("| s390-saved-range |", StringComparison.Ordinal));
        Assert.Contains("| ✓ | ✓ | distinct |", row);
        Assert.Contains("`Cache`", row);
        // The posted s390 series has no arch pause/resume; x86-native does not opt in at all.
        Assert.Contains("| → leave | → enter | leave/enter |", rows.Single(l => l.StartsWith("| s390 |", StringComparison.Ordinal)));
        Assert.Contains("| stub | stub | stub | stub | stub | stubs |", rows.Single(l => l.StartsWith("| x86-native |", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The published facts agree with the generated code itself, for every built-in arch: the state fields are
    /// the structs' fields in declaration order, and a callback does work exactly when its IL is more than
    /// nop/ret (Pause and Resume excepted: their fallback call to Leave/Enter is IL even when those are empty).
    /// </summary>
    [Fact]
    public void The_published_facts_match_the_generated_types()
    {
        foreach (var arch in LazyMmuArchRegistry.All)
        {
            var (type, task, cpu) = MachineTypes(arch);
            Assert.Equal(DeclaredFields(task), arch.Facts.TaskStateFields);
            Assert.Equal(DeclaredFields(cpu), arch.Facts.CpuStateFields);
            foreach (var callback in new[] { "InitTask", "InitCpu", "Enter", "Leave", "Flush", "SwitchOut", "SwitchIn", "SetPte", "GetPte" })
                Assert.True(IlDoesWork(type, callback) == arch.Facts.DoesWork(callback), $"{arch.Name}.{callback}");
        }
    }

    /// <summary>
    /// Only s390 reads through arch code: a pte of the pinned table is read from the per-CPU cache (the posted series,
    /// "s390/mm: Implement lazy MMU mode": ptep_get() of a cached pte, ipte-cache's get-pte fragment). Every other
    /// built-in's get_pte is the page-table read the checker need not prove is a read (ArchFacts.GetPteIsPlainRead).
    /// </summary>
    [Fact]
    public void Only_s390_reads_ptes_through_arch_code()
    {
        Assert.Equal(["s390", "s390-saved-range"], LazyMmuArchRegistry.All.Where(a => !a.Facts.GetPteIsPlainRead).Select(a => a.Name).Order());
    }

    private static (Type Arch, Type Task, Type Cpu) MachineTypes(ArchInfo arch)
    {
        for (var type = arch.CreateMachine(MachineOptions.Default).GetType(); type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Machine<,,>))
                return (type.GetGenericArguments()[0], type.GetGenericArguments()[1], type.GetGenericArguments()[2]);
        throw new InvalidOperationException(arch.Name);
    }

    private static string[] DeclaredFields(Type state) =>
        state.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).OrderBy(f => f.MetadataToken).Select(f => f.Name).ToArray();

    private static bool IlDoesWork(Type arch, string callback)
    {
        var il = arch.GetMethod(callback, BindingFlags.Public | BindingFlags.Static)?.GetMethodBody()?.GetILAsByteArray();
        return il is not null && il.Any(op => op is not (0x00 or 0x2A)); // nop, ret
    }
}
