using System.Text.Encodings.Web;
using System.Text.Json;

namespace LazyMmuGen.Cli.Output;

/// <summary>
/// How the CLI writes JSON: the default encoder escapes '+', '&lt;' and non-ASCII for HTML embedding ("\u002B"),
/// which no consumer of a command's output needs; the relaxed one keeps text as it reads.
/// </summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
