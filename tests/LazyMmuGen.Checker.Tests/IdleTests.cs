using LazyMmuGen.Arches;
using LazyMmuGen.Checker.Explorer;
using LazyMmuGen.Runtime;
using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Checker.Tests;

/// <summary>
/// Issue 14: the explorer does not step an op that runs and changes nothing (a switch to the running task, a
/// migration to the CPU it runs on; MachineCore.SwitchIdles and MigrateIdles): it only asks CheckedRun.IdleCheck.
/// That is sound only if stepping such an op leaves the state key as it was and reports exactly what IdleCheck
/// does, for every built-in arch, from states reached by checked steps (as every frontier state is).
/// </summary>
public sealed class IdleTests
{
    [Theory]
    [MemberData(nameof(StoredStateTests.Arches), MemberType = typeof(StoredStateTests))]
    public void An_idle_op_leaves_the_state_as_it_was_and_breaks_only_what_IdleCheck_reports(string name)
    {
        var arch = LazyMmuArchRegistry.Find(name)!;
        var alphabet = Alphabet.For(arch).Select(t => OpScript.Parse(t).Single()).ToArray();
        var rng = new Random(17);
        var compared = 0;
        for (var sequence = 0; sequence < 300; sequence++)
        {
            var stored = new CheckedRun(arch, GenericRevision.Final);
            var passed = true;
            foreach (var op in Enumerable.Range(0, rng.Next(9)).Select(_ => alphabet[rng.Next(alphabet.Length)]))
            {
                if (stored.Refuses(op)) continue;
                passed = stored.Step(op, check: true) is null && !stored.DeadEnd;
                if (!passed) break;
            }
            // The explorer expands only states whose transition in passed (x86-xen-strict-enter's race does not).
            if (!passed) continue;
            foreach (var op in alphabet.Where(o => !stored.Refuses(o) && stored.Idles(o)))
            {
                var stepped = stored.Clone();
                var broken = stepped.Step(op, check: true);
                Assert.Equal(broken, stored.IdleCheck());
                Assert.True(stepped.StateKey() == stored.StateKey(), $"{name}: {op.Text} changed the state:\n{stored.Fingerprint()}\n{stepped.Fingerprint()}");
                compared++;
            }
        }
        // Every sequence has a running task on some CPU: each state offers at least one idle switch or migration.
        Assert.True(compared > 300, $"{name}: only {compared} idle ops compared");
    }

    [Fact]
    public void Only_a_switch_to_the_running_task_and_a_migration_to_its_CPU_idle()
    {
        var run = new CheckedRun(PowerpcHash.Info, GenericRevision.Final);
        static ScriptOp Op(string text) => OpScript.Parse(text).Single();
        Assert.True(run.Idles(Op("switch(task=1)")));
        Assert.True(run.Idles(Op("migrate(cpu=0)")));
        Assert.False(run.Idles(Op("switch(task=2)")));
        Assert.False(run.Idles(Op("migrate(cpu=1)")));
        Assert.False(run.Idles(Op("get_pte(addr=0x1000)")));
        // With preemption off (powerpc-hash pins the section to its CPU) a switch, even to the running task, is refused, not idle.
        run.Step(Op("enable"), check: true);
        run.Step(Op("set_pte(addr=0x1000)"), check: true);
        Assert.True(run.Refuses(Op("switch(task=1)")));
        Assert.False(run.Idles(Op("switch(task=1)")));
        Assert.True(run.Idles(Op("migrate(cpu=0)")));
    }
}
