using System.Linq;
using LazyMmuGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace LazyMmuGen.Generator.Model;

/// <summary>
/// A diagnostic as an equatable value: descriptor id, message arguments, location, and any additional
/// locations (e.g. the other descriptor of an LMG0007 pair), which editors show as related positions.
/// </summary>
public sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, LocationInfo? Location, EquatableArray<LocationInfo> AdditionalLocations = default)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, arguments.ToEquatableArray(), location);

    public Diagnostic ToDiagnostic()
    {
        var descriptor = DiagnosticDescriptors.ById(Id);
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++) args[i] = Arguments[i];
        var additional = AdditionalLocations.Count == 0 ? null : AdditionalLocations.Select(l => l.ToLocation()).ToList();
        return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, additional, args);
    }
}
