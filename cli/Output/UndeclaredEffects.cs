using LazyMmuGen.Generator.Parsing;
using LazyMmuGen.Runtime;

namespace LazyMmuGen.Cli.Output;

/// <summary>
/// After a command ran arch code: the effect kinds code named that no mechanism declares, as warnings on stderr (JSON on
/// stdout stays what it is). A generated fragment cannot name one (LMG0021), but a runtime primitive's C# can, and
/// then the kind is counted under that name, simulate prices it at 0 cycles and no "batching is real" bound counts it.
/// </summary>
public static class UndeclaredEffects
{
    public static void Warn(TextWriter error)
    {
        var declared = EffectKind.Declared.Select(k => k.Name).ToList();
        foreach (var kind in EffectKind.Undeclared)
        {
            error.WriteLine($"warning: effect kind '{kind.Name}' is counted by code but declared by no mechanism (an 'effects:' entry of a mechanism.yaml): "
                + $"simulate prices it at 0 cycles and no batching bound counts it.{Suggestions.DidYouMean(kind.Name, declared)}");
        }
    }
}
