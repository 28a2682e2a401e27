using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LazyMmuGen.Hosting;

/// <summary>A descriptor handed to the generator driver as an AdditionalFile, from memory.</summary>
internal sealed class DescriptorText(string path, string text) : AdditionalText
{
    private readonly SourceText source = SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => source;
}
