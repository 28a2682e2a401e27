using LazyMmuGen.Checker;
using LazyMmuGen.Checker.Explorer;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Benchmarks.Checker;

/// <summary>
/// A fixed set of transitions the explorer really takes, grouped as it takes them: distinct states reached by seeded
/// random walks through the default alphabet (4 to 9 ops deep, as the states a depth-10 exploration expands), each
/// followed by every op it does not refuse and that changes it, so a state is hot in the cache for its successors as
/// in ModelChecker.Expand. <see cref="TransitionBenchmarks"/> times the parts of a transition on them.
/// </summary>
public sealed class TransitionSample
{
    /// <summary>How many transitions a sample holds: the benchmarks' OperationsPerInvoke.</summary>
    public const int Size = 4096;

    private TransitionSample(CheckedRun[] states, int[] from, ScriptOp[] ops, StateKey[] successors, int[][] renamings)
    {
        (States, From, Ops, Successors, Renamings) = (states, from, ops, successors, renamings);
    }

    /// <summary>The states expanded, each once.</summary>
    public CheckedRun[] States { get; }

    /// <summary>Per transition, the index in <see cref="States"/> of the state it starts from; a state's transitions are adjacent.</summary>
    public int[] From { get; }

    /// <summary>Per transition, the op it takes.</summary>
    public ScriptOp[] Ops { get; }

    /// <summary>Per transition, the key of the state it reaches.</summary>
    public StateKey[] Successors { get; }

    /// <summary>The CPU renamings the explorer keys this arch under (<see cref="Symmetry.CpuRenamings"/>).</summary>
    public int[][] Renamings { get; }

    /// <summary>The mean number of transitions a sampled state takes (ops neither refused nor idle).</summary>
    public double TakenPerState => (double)Size / States.Length;

    /// <summary>Samples <see cref="Size"/> transitions of <paramref name="arch"/> under the revision <c>lazymmu check</c> explores by default, the same for every run.</summary>
    /// <param name="arch">The arch.</param>
    public static TransitionSample Of(ArchInfo arch)
    {
        var alphabet = Alphabet.For(arch).Select(text => OpScript.Parse(text).Single()).ToArray();
        var revision = new CheckOptions().Revision;
        var origin = new CheckedRun(arch, revision);
        var renamings = Symmetry.CpuRenamings(arch, alphabet, Machines.For(revision).Cpus, enabled: true);
        // Seeded: every benchmark run times the same states.
        var random = new Random(14);
        var (states, from, ops, successors) = (new List<CheckedRun>(), new List<int>(), new List<ScriptOp>(), new List<StateKey>());
        // Distinct states: walks meet often near the origin.
        var distinct = new HashSet<StateKey>();
        while (ops.Count < Size)
        {
            if (Walk(origin, alphabet, random, random.Next(4, 10)) is not { } state || !distinct.Add(state.StateKey(renamings))) continue;
            var next = state.Clone();
            foreach (var op in alphabet.Where(op => !state.Refuses(op) && !state.Idles(op)).Take(Size - ops.Count))
            {
                next.CopyFrom(state);
                // A transition that breaks a property or ends the sequence ends an exploration too: not a typical one.
                if (next.Step(op, check: true) is not null || next.DeadEnd) continue;
                from.Add(states.Count);
                ops.Add(op);
                successors.Add(next.StateKey(renamings));
            }
            // Only a state with a transition in the sample counts in TakenPerState.
            if (from.Count > 0 && from[^1] == states.Count) states.Add(state);
        }
        return new TransitionSample([.. states], [.. from], [.. ops], [.. successors], renamings);
    }

    /// <summary>A state <paramref name="length"/> ops from the origin along ops the machine takes, or null when the walk broke a property or ran into a dead end.</summary>
    private static CheckedRun? Walk(CheckedRun origin, ScriptOp[] alphabet, Random random, int length)
    {
        var run = origin.Clone();
        for (var i = 0; i < length; i++)
        {
            var choices = alphabet.Where(op => !run.Refuses(op) && !run.Idles(op)).ToArray();
            if (choices.Length == 0) return null;
            if (run.Step(choices[random.Next(choices.Length)], check: true) is not null || run.DeadEnd) return null;
        }
        return run;
    }
}
