using LazyMmuGen.Runtime;
using YamlDotNet.RepresentationModel;

namespace LazyMmuGen.Cli.Scaffolding;

/// <summary>A mechanism as a descriptor lists it: its kind and the parameters it sets, as YAML text.</summary>
public sealed record MechanismEntry(string Kind, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    public string? Get(string name) => Parameters.FirstOrDefault(p => p.Key == name).Value;
}

/// <summary>What new-arch reuses of a built-in descriptor (embedded from arches/ at build time).</summary>
public sealed record DescriptorContent(string Arch, string Summary, string? PauseResume, IReadOnlyList<MechanismEntry> Mechanisms);

/// <summary>The built-in descriptors, read from lazymmu's own resources so new-arch works from any folder.</summary>
public static class BuiltinDescriptors
{
    public static DescriptorContent? Read(ArchInfo arch)
    {
        using var stream = typeof(BuiltinDescriptors).Assembly.GetManifestResourceStream("arches/" + arch.DescriptorPath);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads a descriptor that the generator already accepted (so its shape is known to be right).</summary>
    public static DescriptorContent Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        string? Scalar(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;
        var mechanisms = new List<MechanismEntry>();
        if (root.Children.TryGetValue(new YamlScalarNode("mechanisms"), out var list) && list is YamlSequenceNode items)
        {
            foreach (var item in items)
            {
                if (item is YamlScalarNode shorthand)
                {
                    mechanisms.Add(new MechanismEntry(shorthand.Value!, []));
                    continue;
                }
                var map = (YamlMappingNode)item;
                var kind = ((YamlScalarNode)map.Children[new YamlScalarNode("kind")]).Value!;
                var parameters = map.Children
                    .Where(c => ((YamlScalarNode)c.Key).Value != "kind")
                    .Select(c => new KeyValuePair<string, string>(((YamlScalarNode)c.Key).Value!, Flow(c.Value)))
                    .ToList();
                mechanisms.Add(new MechanismEntry(kind, parameters));
            }
        }
        return new DescriptorContent(Scalar("arch") ?? "", Scalar("summary") ?? "", Scalar("pause-resume"), mechanisms);
    }

    /// <summary>A value as one line of YAML: a scalar, [a, b] or { K: V }.</summary>
    public static string Flow(YamlNode node) => node switch
    {
        YamlScalarNode scalar => PlainOrQuoted(scalar.Value ?? ""),
        YamlSequenceNode sequence => "[" + string.Join(", ", sequence.Children.Select(Flow)) + "]",
        YamlMappingNode mapping => "{ " + string.Join(", ", mapping.Children.Select(c => Flow(c.Key) + ": " + Flow(c.Value))) + " }",
        _ => "",
    };

    /// <summary>Plain when that reads back as the same text, else single-quoted.</summary>
    public static string PlainOrQuoted(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '+') && (value[0] != '-' || value.Length > 1 && char.IsAsciiDigit(value[1]))
            ? value
            : "'" + value.Replace("'", "''") + "'";
}
