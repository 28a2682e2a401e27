using System.Collections.Generic;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Yaml;

/// <summary>
/// A minimal YAML tree with a location on every node. Built from YamlDotNet's event stream (not its
/// representation model) so that duplicate keys, aliases and nesting depth are diagnosed with a
/// position instead of surfacing as exceptions without one.
/// </summary>
public abstract class YNode
{
    protected YNode(LocationInfo location) => Location = location;

    public LocationInfo Location { get; }

    public abstract string Describe();
}

public sealed class YScalar : YNode
{
    public YScalar(string value, bool plain, LocationInfo location) : base(location)
    {
        Value = value;
        IsPlain = plain;
    }

    public string Value { get; }

    /// <summary>Unquoted scalars are the only ones read as numbers, booleans or null.</summary>
    public bool IsPlain { get; }

    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public override string Describe() => IsNull ? "nothing (null)" : $"the scalar '{Value}'";
}

public sealed class YSequence : YNode
{
    public YSequence(List<YNode> items, LocationInfo location) : base(location) => Items = items;

    public List<YNode> Items { get; }

    public override string Describe() => $"a list of {Items.Count} item(s)";
}

public sealed class YMapping : YNode
{
    public YMapping(List<KeyValuePair<YScalar, YNode>> entries, LocationInfo location) : base(location) => Entries = entries;

    public List<KeyValuePair<YScalar, YNode>> Entries { get; }

    public override string Describe() => "a mapping";
}
