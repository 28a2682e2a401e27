namespace LazyMmuGen.Generator.Model;

/// <summary>One validated mechanism of a descriptor, with every parameter present (defaults filled in).</summary>
public sealed record MechanismSpec(string Kind, EquatableArray<ParameterValue> Parameters, LocationInfo Location)
{
    public string Get(string name)
    {
        foreach (var p in Parameters)
        {
            if (p.Name == name) return p.Canonical;
        }
        return "";
    }
}
