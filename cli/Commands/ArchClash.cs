using System.Text.RegularExpressions;
using LazyMmuGen.Hosting;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Cli.Commands;

/// <summary>
/// Two arches of one name among those a command loads: a descriptor redefining a built-in, or one in both a
/// --project and a given file (two given files are the generator's own LMG0007). The fix offered depends on who
/// holds the name: --no-builtins only helps against a built-in.
/// </summary>
public static class ArchClash
{
    /// <summary>Prints the first clash as LMG0007 at the given file's `arch:` line; false when there is none.</summary>
    public static bool Report(IReadOnlyList<ArchInfo> all, IReadOnlyList<ArchInfo> builtins, IReadOnlyList<ArchInfo> fromProject,
        IReadOnlyList<DescriptorFile> files, TextWriter error)
    {
        foreach (var group in all.GroupBy(a => a.Name).Where(g => g.Count() > 1))
        {
            var first = group.First();
            var file = files.FirstOrDefault(f => NameLine(f.Text, group.Key) > 0);
            var where = file is null ? "" : $"{file.DisplayPath}({NameLine(file.Text, group.Key)},{NameColumn(file.Text, group.Key)}): ";
            var (owner, fix) = builtins.Contains(first)
                ? ($"a built-in arch ({first.DescriptorPath})", "Rename it, or pass --no-builtins to use only the given descriptors.")
                : fromProject.Contains(first)
                    ? ($"built by --project, from {first.DescriptorPath}", "The project already builds its own descriptors: leave the file out, or rename the arch in one of them.")
                    : ($"defined by {first.DescriptorPath}", "Rename one of them, or give only one.");
            error.WriteLine($"{where}error LMG0007: Arch '{group.Key}' is already {owner}. {fix}");
            return true;
        }
        return false;
    }

    /// <summary>The 1-based column of NAME on its `arch:` line (where the generator reports an arch-name clash).</summary>
    private static int NameColumn(string text, string name)
    {
        var line = text.Split('\n')[NameLine(text, name) - 1];
        return line.IndexOf(name, "arch:".Length, StringComparison.Ordinal) + 1;
    }

    /// <summary>The 1-based line of `arch: NAME` in a descriptor, or 0.</summary>
    private static int NameLine(string text, string name)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => Regex.IsMatch(l.TrimEnd('\r'), $@"^arch:\s*['""]?{Regex.Escape(name)}['""]?\s*(#.*)?$"));
        return index + 1;
    }
}
