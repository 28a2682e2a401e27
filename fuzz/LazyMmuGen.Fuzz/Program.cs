using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LazyMmuGen.Generator.Mechanisms;
using SharpFuzz;

namespace LazyMmuGen.Fuzz;

/// <summary>
/// The fuzzing entry point (see docs/fuzzing.md).
/// <list type="bullet">
/// <item>no arguments: SharpFuzz's out-of-process fork server for afl-fuzz (input on stdin when not under afl-fuzz);</item>
/// <item><c>--repro FILE...</c>: runs each input once, in process, and says what it did and how long it took
///   (exit 1 when any input crashes or runs past <c>--timeout-ms</c>, default 10000);</item>
/// <item><c>--dictionary SCHEMA OUT</c>: writes an afl dictionary of descriptor keywords.</item>
/// </list>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length >= 1 && args[0] == "--repro")
        {
            UseOwnTraceMap();
            return Repro(args.Skip(1).ToList());
        }
        if (args.Length == 3 && args[0] == "--dictionary")
        {
            UseOwnTraceMap();
            return Dictionary.Write(args[1], args[2]);
        }
        if (args.Length > 0)
        {
            Console.Error.WriteLine("usage: LazyMmuGen.Fuzz [--repro [--timeout-ms N] FILE... | --dictionary SCHEMA OUT]");
            return 2;
        }
        // SharpFuzz runs the first input once before it reports anything, so one-time static initialization
        // (catalog, templates, YamlDotNet's and Scriban's statics) does not count as that input's coverage.
        Fuzzer.OutOfProcess.Run(DescriptorTarget.Run);
        return 0;
    }

    /// <summary>
    /// Instrumented code writes its coverage to SharpFuzz's trace map, which only SharpFuzz's Run sets up; outside
    /// afl-fuzz (--repro, --dictionary) the map is a buffer of our own, so the instrumented build runs as it is.
    /// </summary>
    private static unsafe void UseOwnTraceMap() =>
        SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.Marshal.AllocHGlobal(1 << 16);

    private static int Repro(List<string> args)
    {
        var timeout = TimeSpan.FromMilliseconds(10_000);
        if (args.Count >= 2 && args[0] == "--timeout-ms")
        {
            timeout = TimeSpan.FromMilliseconds(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
            args = args.Skip(2).ToList();
        }
        if (args.Count == 0)
        {
            Console.Error.WriteLine("usage: LazyMmuGen.Fuzz --repro [--timeout-ms N] FILE...");
            return 2;
        }
        var bad = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in args)
        {
            var bytes = File.ReadAllBytes(file);
            var clock = Stopwatch.StartNew();
            DescriptorTarget.Outcome? outcome = null;
            Exception? failure = null;
            var worker = new Thread(() =>
            {
                try
                {
                    outcome = DescriptorTarget.Run(bytes);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            }, 256 * 1024 * 1024) { IsBackground = true };
            worker.Start();
            var finished = worker.Join(timeout);
            var ms = clock.Elapsed.TotalMilliseconds;
            if (!finished)
            {
                bad++;
                Console.WriteLine($"HANG   {file}: still running after {ms:F0} ms");
                continue;
            }
            if (failure is not null)
            {
                bad++;
                // Many saved crashes are one bug: the stack trace is shown once per distinct failure.
                var trace = failure.ToString();
                Console.WriteLine($"CRASH  {file} ({ms:F1} ms): " + (seen.Add(trace) ? trace : $"{failure.GetType().Name}: {failure.Message} (stack as above)"));
                continue;
            }
            if (outcome!.Source is not null)
            {
                Console.WriteLine($"OK     {file} ({ms:F1} ms): accepted, {outcome.Source.Length} characters generated");
            }
            else
            {
                Console.WriteLine($"OK     {file} ({ms:F1} ms): rejected with {outcome.Diagnostics.Length} diagnostic(s)");
                foreach (var d in outcome.Diagnostics.Take(5)) Console.WriteLine("         " + DescriptorTarget.Show(d));
            }
        }
        // A hung worker thread is a background thread: exiting ends it.
        return bad == 0 ? 0 : 1;
    }
}

/// <summary>
/// An afl dictionary of the words a descriptor is made of, derived rather than copied so it follows the product:
/// every property name, enum and const string of the descriptor schema, and every mechanism, parameter and
/// choice of the built-in mechanism catalog (the generator's own list). The YAML punctuation at the end is the
/// YAML grammar itself, which neither of those holds.
/// </summary>
public static class Dictionary
{
    private static readonly string[] YamlTokens =
        [": ", "- ", "---", "...", "{", "}", "[", "]", ", ", "#", "&a", "*a", "!!str", "!!int", "!tag", "|", ">", "|-", ">+",
         "'", "\"", "\\u", "\\x", "? ", "<<", "~", "null", "true", "false", "\n  ", "\n    ", "\t", "\r\n", "\uFEFF"];

    public static int Write(string schemaPath, string outPath)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        using (var schema = JsonDocument.Parse(File.ReadAllText(schemaPath)))
        {
            Collect(schema.RootElement, words);
        }
        foreach (var mechanism in Catalog.Builtin.All)
        {
            words.Add(mechanism.Name);
            foreach (var parameter in mechanism.Parameters)
            {
                words.Add(parameter.Name);
                foreach (var choice in parameter.Choices) words.Add(choice);
                if (parameter.Default is { Length: > 0 } d) words.Add(d);
            }
        }
        var lines = new List<string>();
        var n = 0;
        foreach (var word in words.Where(w => w.Length is > 0 and <= 64)) lines.Add($"schema_or_catalog_{n++}=\"{Escape(word)}\"");
        n = 0;
        foreach (var token in YamlTokens) lines.Add($"yaml_{n++}=\"{Escape(token)}\"");
        File.WriteAllLines(outPath, lines);
        Console.WriteLine($"{outPath}: {words.Count} schema/catalog words, {YamlTokens.Length} YAML tokens");
        return 0;
    }

    /// <summary>Property names under any "properties", and string values of any "enum" or "const".</summary>
    private static void Collect(JsonElement element, SortedSet<string> words)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "properties" && property.Value.ValueKind == JsonValueKind.Object)
                        foreach (var key in property.Value.EnumerateObject()) words.Add(key.Name);
                    if (property.Name == "const" && property.Value.ValueKind == JsonValueKind.String)
                        words.Add(property.Value.GetString()!);
                    if (property.Name == "enum" && property.Value.ValueKind == JsonValueKind.Array)
                        foreach (var value in property.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String)) words.Add(value.GetString()!);
                    Collect(property.Value, words);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, words);
                break;
        }
    }

    /// <summary>afl's dictionary syntax: printable ASCII as is, except backslash and quote; everything else as \xNN (UTF-8 bytes).</summary>
    private static string Escape(string value)
    {
        var b = new StringBuilder();
        foreach (var by in Encoding.UTF8.GetBytes(value))
        {
            if (by is >= 0x20 and < 0x7F && by != '\\' && by != '"') b.Append((char)by);
            else b.Append("\\x").Append(by.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return b.ToString();
    }
}
