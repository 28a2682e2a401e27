using LazyMmuGen.Arches;
using LazyMmuGen.Checker.Explorer;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker.Tests;

/// <summary>
/// Issue 14, "no allocation per step on the hot path": a transition is a copy into a scratch run, a checked step and
/// a state key. Once the scratch runs have grown to the states they hold, none of the three allocates, for every
/// op of every built-in arch's alphabet from every state to depth 3, except what ends a sequence (a violation, or an
/// arch that throws after misuse) and s390's ipte-cache, whose 256-entry table stored states share and a write
/// copies (copy-on-write: there, only whole table copies are allowed). The explorer's clones of new states are not
/// steps; docs/checker.md#cost says what they cost.
/// </summary>
public sealed class AllocationTests
{
    [Theory]
    [MemberData(nameof(StoredStateTests.Arches), MemberType = typeof(StoredStateTests))]
    public void A_transition_from_a_stored_state_allocates_nothing(string name)
    {
        var arch = LazyMmuArchRegistry.Find(name)!;
        var alphabet = Alphabet.For(arch).Select(t => OpScript.Parse(t).Single()).ToArray();
        var renamings = Symmetry.CpuRenamings(arch, alphabet, Machines.For(GenericRevision.Final).Cpus, enabled: true);
        var states = StatesTo(arch, alphabet, depth: 3);
        var scratch = new CheckedRun(arch, GenericRevision.Final);
        // The first pass grows the scratch run's buffers and runs every static initialiser; a later one must not allocate.
        // The least of three later passes is asserted: something the hot path allocates, it allocates on every pass,
        // while a one-off on this thread (seen once in a full parallel test run, never alone or under CPU load) is not
        // the transition's.
        Transitions(states, alphabet, scratch, renamings);
        var (count, allocated) = Enumerable.Range(0, 3).Select(_ => Transitions(states, alphabet, scratch, renamings)).MinBy(p => p.Allocated);
        Assert.True(count > 100, $"{name}: only {count} transitions");
        if (name.StartsWith("s390", StringComparison.Ordinal))
            Assert.True(allocated % IpteTableCopy == 0, $"{name}: {count} transitions allocated {allocated} bytes, not whole table copies of {IpteTableCopy}");
        else
            Assert.True(allocated == 0, $"{name}: {count} transitions allocated {allocated} bytes");
    }

    // PteCache's four arrays of PTRS_PER_PTE (256) entries: Pte (16 bytes), long, and two bool arrays, with their headers.
    private const long IpteTableCopy = (24 + 256 * 16) + (24 + 256 * 8) + 2 * (24 + 256);

    [Theory]
    [MemberData(nameof(StoredStateTests.Arches), MemberType = typeof(StoredStateTests))]
    public void Refuses_agrees_with_Refusal_everywhere(string name)
    {
        // The explorer asks Refuses (no message) where traces ask Refusal (the message): one must be the other's null test.
        var arch = LazyMmuArchRegistry.Find(name)!;
        var alphabet = Alphabet.For(arch).Select(t => OpScript.Parse(t).Single()).ToArray();
        var refused = 0;
        foreach (var state in StatesTo(arch, alphabet, depth: 3))
        {
            foreach (var op in alphabet)
            {
                Assert.Equal(state.Refusal(op) is not null, state.Refuses(op));
                refused += state.Refuses(op) ? 1 : 0;
            }
        }
        Assert.True(refused > 0, $"{name}: no op was ever refused");
    }

    /// <summary>The transitions that continue a sequence, and the bytes they allocated.</summary>
    private static (int Count, long Allocated) Transitions(List<CheckedRun> states, ScriptOp[] alphabet, CheckedRun scratch, int[][] renamings)
    {
        var count = 0;
        long allocated = 0;
        foreach (var state in states)
        {
            foreach (var op in alphabet)
            {
                if (state.Misused || state.Refuses(op)) continue;
                var before = GC.GetAllocatedBytesForCurrentThread();
                scratch.CopyFrom(state);
                if (scratch.Step(op, check: true) is not null || scratch.DeadEnd) continue;
                _ = scratch.StateKey(renamings);
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                count++;
            }
        }
        return (count, allocated);
    }

    private static List<CheckedRun> StatesTo(ArchInfo arch, ScriptOp[] alphabet, int depth)
    {
        var origin = new CheckedRun(arch, GenericRevision.Final);
        var seen = new HashSet<StateKey> { origin.StateKey() };
        var all = new List<CheckedRun> { origin };
        var frontier = all.ToList();
        for (var d = 0; d < depth; d++)
        {
            var next = new List<CheckedRun>();
            foreach (var run in frontier)
            {
                foreach (var op in alphabet)
                {
                    if (run.Refuses(op)) continue;
                    var successor = run.Clone();
                    if (successor.Step(op, check: true) is not null || successor.DeadEnd) continue;
                    if (seen.Add(successor.StateKey())) next.Add(successor);
                }
            }
            all.AddRange(next);
            frontier = next;
        }
        return all;
    }
}
