using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace LazyMmuGen.Runtime.Scripting;

/// <summary>
/// Where an exception from arch code was thrown, for the "arch code threw" rows of a trace and the checker's
/// "arch code completes without exceptions" detail: a consumer's own primitive (say <c>SvinvalBatch.Flush</c>) is
/// code the generator never saw, and its author needs the method, not only the exception's type and message.
/// </summary>
public static class ThrowSite
{
    /// <summary>
    /// "IndexOutOfRangeException: Index was outside the bounds of the array. (thrown in TlbBatch.Append, TlbBatch.cs:88)": the type, the
    /// message, and the innermost frame outside the .NET libraries (a List indexer's throw is the caller's fault), with
    /// its file and line when the code has symbols. The frame is as the runtime reports it: in an optimised build a
    /// small method may be inlined into its caller, which is then the one named.
    /// </summary>
    /// <param name="e">The exception.</param>
    public static string Describe(Exception e)
    {
        var what = $"{e.GetType().Name}: {e.Message}";
        return Frame(e) is { } frame ? $"{what} (thrown in {frame})" : what;
    }

    private static string? Frame(Exception e)
    {
        foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetMethod() is not { DeclaringType: { } type } method || IsLibrary(type)) continue;
            var name = $"{TypeName(type)}.{method.Name}";
            if (frame.GetFileName() is not { Length: > 0 } path) return name;
            var line = frame.GetFileLineNumber();
            return SourceMaps.TryGetValue(type.Assembly, out var map) && map(path, line) is { } written
                ? $"{name}, {written}"
                : $"{name}, {Path.GetFileName(path)}:{line}";
        }
        return null;
    }

    // Per loaded arch library, where a line of its generated code was written (a collectible library's entry goes with it).
    private static readonly ConditionalWeakTable<Assembly, Func<string, int, string?>> SourceMaps = [];

    /// <summary>
    /// Says, for the arch library <paramref name="assembly"/>, where a line of its code was written: given a frame's file
    /// path (as compiled) and 1-based line, <paramref name="place"/> returns what to print instead of "File.cs:N" (the
    /// user's template line or the generated line quoted for generated code, which is nowhere on disk; the path the user
    /// gave for their own C#), or null for a file it does not know. The tool that compiled the library registers it
    /// (LazyMmuGen.Hosting.ExternalArches).
    /// </summary>
    /// <param name="assembly">The loaded arch library.</param>
    /// <param name="place">A frame's file path and line to a place to print, or null.</param>
    public static void MapSources(Assembly assembly, Func<string, int, string?> place) => SourceMaps.AddOrUpdate(assembly, place);

    // The .NET libraries' own frames (ThrowHelper, a collection's indexer) say nothing about which arch code misbehaved.
    private static bool IsLibrary(Type type) =>
        type.Assembly.GetName().Name is { } assembly
        && (assembly.StartsWith("System", StringComparison.Ordinal) || assembly.StartsWith("Microsoft", StringComparison.Ordinal));

    // A nested type by its outer type too ("Arm64.CpuState"), without the namespace or a generic arity's backtick.
    private static string TypeName(Type type)
    {
        var name = type.Name.Split('`')[0];
        return type.DeclaringType is { } outer && !outer.Name.StartsWith('<') ? $"{TypeName(outer)}.{name}" : name;
    }
}
