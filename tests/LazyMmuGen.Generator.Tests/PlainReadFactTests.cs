using LazyMmuGen.Generator.Emit;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// ArchFacts.GetPteIsPlainRead is read from the generated C#, not from the hooks: the checker skips proving that a read
/// changes nothing only where GetPte is exactly arch.scriban's page-table read, so anything more must turn it off.
/// </summary>
public sealed class PlainReadFactTests
{
    private const string Read = "c.Machine.PageTable.Read(mm, addr)";

    private static string Arch(string getPte) => $$"""
        public sealed class A
        {
            public static void SetPte(ref Ctx c, in PteWrite w) { c.Store(w); }
            {{getPte}}
        }
        """;

    [Theory]
    [InlineData("public static Pte GetPte(ref Ctx c, int mm, ulong addr) { return " + Read + "; }")]
    [InlineData("public static Pte GetPte(ref Ctx c, int mm, ulong addr) => " + Read + ";")]
    [InlineData("public static Pte GetPte(ref Ctx c, int mm, ulong addr)\n{\n    // a comment\n    return c.Machine.PageTable.Read( mm,addr );\n}")]
    public void The_page_table_read_alone_is_plain(string getPte) => Assert.True(FactsOf.GetPteIsPlainRead(Arch(getPte)));

    [Theory]
    [InlineData("public static Pte GetPte(ref Ctx c, int mm, ulong addr) { c.Task.Hits++; return " + Read + "; }")]
    [InlineData("public static Pte GetPte(ref Ctx c, int mm, ulong addr) { if (c.IsActive) return c.Task.Cache.Read(addr); return " + Read + "; }")]
    [InlineData("public static Pte GetPte(ref Ctx c, int mm, ulong addr) => c.Machine.PageTable.Read(mm, addr + 1);")]
    [InlineData("public static Pte GetPte(ref Ctx c, int mm, ulong addr) => Touch(ref c).PageTable.Read(mm, addr);")]
    [InlineData("public static Pte GetPte(ref Ctx c, int mm, ulong addr) => " + Read + "; public static Pte GetPte(int mm) => default;")]
    [InlineData("")]
    public void Anything_more_or_less_is_not(string getPte) => Assert.False(FactsOf.GetPteIsPlainRead(Arch(getPte)));
}
