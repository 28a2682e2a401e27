using System.Reflection;
using System.Text.RegularExpressions;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Generator.Tests;

/// <summary>
/// docs/templates.md lists what a fragment can use of <c>c</c> (ArchContext) and <c>w</c> (PteWrite). The list restates
/// the runtime's public members, so it must name each of them and nothing they lack (a new-user review found
/// authors copying <c>c.IsActive</c> and <c>c.CompleteTaskWrites()</c> from built-ins because nothing listed them).
/// </summary>
public sealed class FragmentScopeDocsTests
{
    [Theory]
    [InlineData(typeof(ArchContext<int, int>), "c")]
    [InlineData(typeof(PteWrite), "w")]
    public void The_templates_reference_lists_every_public_member_of_c_and_w(Type type, string variable)
    {
        var docs = File.ReadAllText(System.IO.Path.Combine(RepoRoot.Folder, "docs", "templates.md"));
        var listed = Regex.Matches(docs, $@"`{variable}\.([A-Za-z]+)").Select(m => m.Groups[1].Value).ToHashSet();
        var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m is FieldInfo || m is PropertyInfo || m is MethodInfo { IsSpecialName: false })
            .Select(m => m.Name)
            // A record struct's own members are not what a fragment uses.
            .Where(n => n is not ("Equals" or "GetHashCode" or "ToString" or "Deconstruct" or "PrintMembers" or "EqualityContract"))
            .ToHashSet();
        Assert.Equal(members.Order(), listed.Order());
    }
}
