using System.Text.RegularExpressions;
using LazyMmuGen.Benchmarks.HotPath;

namespace LazyMmuGen.Benchmarks;

/// <summary>
/// <c>--jit-compare FILE</c>: reads a <c>DOTNET_JitStdOutFile</c> written by <c>--exercise</c> under
/// <c>DOTNET_JitDisasm</c> and prints, per arch, the size of the tier-1 code the JIT produced for the
/// generated and the hand-written arch: each benchmark method (arch callbacks inlined) and the arch's
/// SetPte (compiled on its own). Equal sizes with only register or offset differences mean the
/// generator costs nothing at run time.
/// </summary>
public static partial class JitCompare
{
    public static int Run(string path, TextWriter output)
    {
        var listings = Regex.Split(File.ReadAllText(path), "(?=; Assembly listing for method )")
            .Where(b => b.StartsWith("; Assembly listing", StringComparison.Ordinal))
            .Select(b => (Header: b[..b.IndexOf('\n')], Body: b))
            .Where(b => b.Header.Contains("(Tier1)", StringComparison.Ordinal))
            .ToList();
        if (listings.Count == 0)
        {
            output.WriteLine($"no tier-1 listings in {path}: run --exercise under DOTNET_JitDisasm first (see benchmarks/README.md)");
            return 1;
        }
        output.WriteLine($"{"arch",-13} {"method",-22} {"gen bytes",10} {"hand bytes",11} {"virt bytes",11}  same instructions (gen vs hand, registers and offsets aside)");
        foreach (var (type, arch) in HotPathSuites.All)
        {
            var genArch = type.BaseType!.GetGenericArguments()[0].FullName!;
            var handArch = type.BaseType!.GetGenericArguments()[3].FullName!;
            foreach (var scenario in Scenario.All)
            {
                var gen = Last(listings, h => h.Contains($"[{genArch},", StringComparison.Ordinal) && h.Contains($":{Impl.Generated}_{scenario}(", StringComparison.Ordinal));
                var hand = Last(listings, h => h.Contains($"[{genArch},", StringComparison.Ordinal) && h.Contains($":{Impl.HandWritten}_{scenario}(", StringComparison.Ordinal));
                var virt = Last(listings, h => h.Contains($"[{genArch},", StringComparison.Ordinal) && h.Contains($":{Impl.Virtual}_{scenario}(", StringComparison.Ordinal));
                Row(output, arch, scenario, gen, hand, virt);
            }
            var genSet = Last(listings, h => h.Contains($"method {genArch}:SetPte(", StringComparison.Ordinal));
            var handSet = Last(listings, h => h.Contains($"method {handArch}:SetPte(", StringComparison.Ordinal));
            Row(output, arch, "SetPte (arch)", genSet, handSet, null);
        }
        return 0;
    }

    private static void Row(TextWriter output, string arch, string what, string? gen, string? hand, string? virt) =>
        output.WriteLine($"{arch,-13} {what,-22} {Size(gen),10} {Size(hand),11} {Size(virt),11}  {(gen is null || hand is null ? "-" : Normalize(gen).SequenceEqual(Normalize(hand)) ? "yes" : "no")}");

    private static string? Last(List<(string Header, string Body)> listings, Func<string, bool> match) =>
        listings.LastOrDefault(l => match(l.Header)).Body;

    private static string Size(string? listing) => listing is null ? "-" : SizePattern().Match(listing) is { Success: true } m ? m.Groups[1].Value : "?";

    /// <summary>Instructions only, with registers, addresses, labels and stack/field offsets abstracted.</summary>
    private static IEnumerable<string> Normalize(string listing) => listing.Split('\n').Skip(1)
        .Where(l => l.Length > 0 && !l.TrimStart().StartsWith(';') && !l.StartsWith("G_M", StringComparison.Ordinal) && l.Trim().Length > 0)
        .Select(l => Operand().Replace(l.Trim(), "_"))
        .Select(l => Spaces().Replace(l, " "));

    [GeneratedRegex(@"Total bytes of code (\d+)")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"0x[0-9A-Fa-f]+|\b[re]?(ax|bx|cx|dx|si|di|bp|sp)\b|\br\d+[dbw]?\b|\b(sil|dil|al|bl|cl|dl|ah|bh|ch|dh)\b|\b[xy]mm\d+\b|G_M\d+_IG\d+|\[[^\]]*\]|\bLazyMmuGen\.[\w.`+,\[\]]+")]
    private static partial Regex Operand();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
