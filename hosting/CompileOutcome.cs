namespace LazyMmuGen.Hosting;

/// <summary>
/// What compiling a set of descriptors gave: the library image (null when an error was reported) and every
/// diagnostic as an MSBuild-style line (`path(line,col): error LMGxxxx: message`), warnings included.
/// </summary>
public sealed record CompileOutcome(byte[]? Image, IReadOnlyList<string> Messages)
{
    public bool Succeeded => Image is not null;
}
