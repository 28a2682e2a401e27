namespace LazyMmuGen.Arches.Tests;

/// <summary>Contract checks every registered arch must pass.</summary>
public class AllArchesTests
{
    /// <summary>The seven arches the lazy MMU contract covers (docs/contract.md §6).</summary>
    private static readonly string[] BuiltIn =
        ["arm64", "arm64-kpkeys", "powerpc-hash", "s390", "sparc64", "x86-native", "x86-xen"];

    /// <summary>
    /// Variants kept on purpose: x86-paravirt-native (PARAVIRT_XXL on bare metal), s390-saved-range (the
    /// reviewers' distinct pause/resume) and x86-xen-strict-enter (strict enter_lazy, shows the race).
    /// </summary>
    private static readonly string[] Variants = ["s390-saved-range", "x86-paravirt-native", "x86-xen-strict-enter"];

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var arch in LazyMmuArchRegistry.All) data.Add(arch.Name);
            return data;
        }
    }

    [Fact]
    public void Registry_holds_the_seven_built_in_arches_and_the_variants()
    {
        // A subset, not equality: a descriptor added under arches/ joins the registry (and every theory over it)
        // without editing this list.
        Assert.Equal(7, BuiltIn.Length);
        Assert.Subset(LazyMmuArchRegistry.All.Select(a => a.Name).ToHashSet(), BuiltIn.Concat(Variants).ToHashSet());
        foreach (var name in BuiltIn.Concat(Variants)) Assert.Equal(name, LazyMmuArchRegistry.Find(name)?.Name);
        Assert.Null(LazyMmuArchRegistry.Find("x86"));
        Assert.Null(LazyMmuArchRegistry.Find("ARM64"));
    }

    [Fact]
    public void Preempt_naming_no_task_is_refused_like_a_switch_to_it_and_the_machine_is_unchanged()
    {
        var m = Arm64.CreateMachine();
        var rows = Pages.Trace(m, "enable(preempt=9);pause(preempt=0);enable(preempt=2);disable(preempt=1)");
        Assert.Equal("enable(preempt=9) refused: task 9 does not exist: tasks are 1..7", rows[0].Error);
        Assert.Equal("pause(preempt=0) refused: task 0 does not exist: tasks are 1..7", rows[1].Error);
        Assert.Equal((0, 0), (rows[1].EnableCount, rows[1].PauseCount));
        Assert.Null(rows[2].Error); // task 2 exists and is not running: the enable is preempted by it and back
        Assert.Equal(2, rows[2].Effects[MachineEffects.ContextSwitch]);
        Assert.Null(rows[3].Error); // the running task itself: the op runs unpreempted (the checker's alphabet reaches it)
        Assert.Equal(0, rows[3].Effects[MachineEffects.ContextSwitch]);
        Assert.True(new TraceRunner(m).Refuses(OpScript.Parse("enable(preempt=8)").Single()));
    }

    [Fact]
    public void Registry_is_ordered_by_name()
    {
        var names = LazyMmuArchRegistry.All.Select(a => a.Name).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Registry_machines_match_the_generated_types()
    {
        Assert.Equal(Arm64.ArchName, Arm64.CreateMachine().ArchName);
        Assert.Equal(Arm64Kpkeys.ArchName, Arm64Kpkeys.CreateMachine().ArchName);
        Assert.Equal(PowerpcHash.ArchName, PowerpcHash.CreateMachine().ArchName);
        Assert.Equal(Sparc64.ArchName, Sparc64.CreateMachine().ArchName);
        Assert.Equal(X86Xen.ArchName, X86Xen.CreateMachine().ArchName);
        Assert.Equal(S390.ArchName, S390.CreateMachine().ArchName);
        Assert.Equal(X86Native.ArchName, X86Native.CreateMachine().ArchName);
        foreach (var arch in LazyMmuArchRegistry.All)
        {
            var m = arch.CreateMachine(MachineOptions.Default);
            Assert.Equal(arch.Name, m.ArchName);
            Assert.Equal(arch.HasDistinctPauseResume, m.HasDistinctPauseResume);
        }
        // The posted s390 series has no arch pause/resume; the reviewers' variant does.
        Assert.False(LazyMmuArchRegistry.Find("s390")!.HasDistinctPauseResume);
        Assert.True(LazyMmuArchRegistry.Find("s390-saved-range")!.HasDistinctPauseResume);
        // Only an arch without mechanisms gets the stubs.
        Assert.Equal(["x86-native"], LazyMmuArchRegistry.All.Where(a => !a.HasLazyMmuMode).Select(a => a.Name));
    }

    [Fact]
    public void Only_x86_xen_strict_enter_declares_an_expected_violation()
    {
        Assert.Equal(["x86-xen-strict-enter"], LazyMmuArchRegistry.All.Where(a => a.ExpectedViolation is not null).Select(a => a.Name));
        var expected = LazyMmuArchRegistry.Find("x86-xen-strict-enter")!.ExpectedViolation!;
        Assert.Equal("no arch BUG", expected.Property);
        Assert.Contains("checker finds the race", expected.Reason);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Seed_summary_holds(string name)
    {
        var arch = LazyMmuArchRegistry.Find(name)!;
        var m = arch.CreateMachine(MachineOptions.Default);
        var rows = Pages.Trace(m, SeedSummary.Script);
        Assert.All(rows, r => Assert.Null(r.Error));
        Assert.Null(SeedSummary.Check(rows, arch));
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        Assert.Equal(0, m.Pending.Count);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Seed_summary_with_writes_leaves_nothing_pending_and_balanced_state(string name)
    {
        var arch = LazyMmuArchRegistry.Find(name)!;
        var m = arch.CreateMachine(MachineOptions.Default);
        var rows = Pages.Trace(m,
            "set_pte;enable;set_pte;enable;set_pte;pause;set_pte;resume;set_pte(kind=user);disable;set_pte;disable;set_pte");
        Assert.All(rows, r => Assert.Null(r.Error));
        // Guarantees 1-3: nothing pending after disable/pause or outside the mode.
        foreach (var i in new[] { 0, 5, 6, 9, 11, 12 }) Assert.Equal(0, rows[i].Pending);
        Assert.Equal(0, m.CpuAt(0).PreemptCount);
        Assert.Equal(0UL, m.Registers(0).Read("POR_EL1"));
        Assert.Equal(m.Effects["preempt_disable"], m.Effects["preempt_enable"]);
    }

    [Fact]
    public void Each_arch_has_a_typed_registry_entry_that_is_the_one_in_All()
    {
        // Arm64.Info and LazyMmuArchRegistry.Arm64: no lookup by string, no null-forgiving operator.
        Assert.Same(LazyMmuArchRegistry.Arm64, Arm64.Info);
        Assert.Same(LazyMmuArchRegistry.Find("arm64"), Arm64.Info);
        Assert.Same(LazyMmuArchRegistry.X86XenStrictEnter, LazyMmuArchRegistry.All.Single(a => a.Name == "x86-xen-strict-enter"));
        Assert.Equal("X86Xen", X86Xen.Info.TypeName);
        Assert.DoesNotContain(null, LazyMmuArchRegistry.All);
    }
}
