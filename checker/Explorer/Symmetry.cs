using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker.Explorer;

/// <summary>
/// CPU symmetry (docs/checker.md#symmetry): two states that differ only by which CPU is which behave alike when the
/// arch's code treats CPU numbers only as names and the alphabet offers the same ops on every CPU, so the explorer
/// keys a state by the least of its keys under every renaming of the CPUs and expands one state per class. Tasks are
/// not renamed: the alphabet's preemption ops name task 2 (<c>enable(preempt=2)</c> switches to task 2 and back), and
/// none names task 1, so renaming tasks would identify states with different futures.
/// </summary>
public static class Symmetry
{
    /// <summary>
    /// The CPU renamings (physical number to written number) a state is keyed under: only the identity unless
    /// <paramref name="enabled"/>, the arch declares <see cref="ArchFacts.CpuSymmetric"/>, and the alphabet is closed
    /// under renaming CPUs (every <c>migrate(cpu=N)</c> has its image, no other op names a CPU).
    /// </summary>
    /// <param name="arch">The arch.</param>
    /// <param name="alphabet">The parsed op alphabet.</param>
    /// <param name="cpus">The explored machine's CPU count.</param>
    /// <param name="enabled">False to key every state as it is (<c>--no-symmetry</c>).</param>
    public static int[][] CpuRenamings(ArchInfo arch, IReadOnlyList<ScriptOp> alphabet, int cpus, bool enabled)
    {
        var identity = new[] { Enumerable.Range(0, cpus).ToArray() };
        if (!enabled || !arch.Facts.CpuSymmetric || cpus < 2 || cpus > 4) return identity;
        var all = Permutations(Enumerable.Range(0, cpus).ToList()).Select(p => p.ToArray()).ToArray();
        return all.All(renaming => Closed(alphabet, renaming)) ? all : identity;
    }

    /// <summary>True when renaming the CPUs of every op by <paramref name="renaming"/> gives an op of the alphabet.</summary>
    private static bool Closed(IReadOnlyList<ScriptOp> alphabet, int[] renaming) => alphabet.All(op =>
    {
        if (!op.Has("cpu")) return true;
        if (op.Name != "migrate") return false;
        var cpu = op.Get("cpu", 0);
        if (cpu >= (ulong)renaming.Length) return false;
        var image = (ulong)renaming[cpu];
        return alphabet.Any(other => other.Name == op.Name && other.Args.Count == op.Args.Count
            && op.Args.All(a => other.Args.TryGetValue(a.Key, out var v) && v == (a.Key == "cpu" ? image : a.Value)));
    });

    private static IEnumerable<List<int>> Permutations(List<int> items)
    {
        if (items.Count <= 1)
        {
            yield return [.. items];
            yield break;
        }
        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest)) yield return [items[i], .. tail];
        }
    }
}
