using LazyMmuGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace LazyMmuGen.Generator.Model;

/// <summary>A diagnostic as an equatable value: descriptor id, message arguments and location.</summary>
public sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, LocationInfo? Location)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, arguments.ToEquatableArray(), location);

    public Diagnostic ToDiagnostic()
    {
        var descriptor = DiagnosticDescriptors.ById(Id);
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++) args[i] = Arguments[i];
        return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }
}
