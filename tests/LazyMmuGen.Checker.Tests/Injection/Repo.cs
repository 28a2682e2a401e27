namespace LazyMmuGen.Checker.Tests.Injection;

/// <summary>The built-in descriptors and template fragments the fault-injection tests start from.</summary>
public static class Repo
{
    public static string Descriptor(string arch) => File.ReadAllText(RepoRoot.Combine("arches", arch + ".arch.yaml"));

    /// <summary>A built-in fragment, e.g. ("deferred-barriers", "flush"), with LF line ends as the generator embeds it.</summary>
    public static string Fragment(string mechanism, string hook) =>
        File.ReadAllText(RepoRoot.Combine("mechanisms", mechanism, hook + ".scriban")).Replace("\r\n", "\n");

    /// <summary>The built-in arch template (templates/arch.scriban), with LF line ends.</summary>
    public static string ArchTemplate() => File.ReadAllText(RepoRoot.Combine("templates", "arch.scriban")).Replace("\r\n", "\n");
}
