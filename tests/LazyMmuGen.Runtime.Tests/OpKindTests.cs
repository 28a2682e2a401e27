using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Runtime.Tests;

/// <summary>
/// OpCatalog is the home of the op names; ScriptOp.Kind reads each name once at parse time so the runner and the
/// checker branch on a kind instead of comparing names. The two must name the same ops, one kind per op.
/// </summary>
public class OpKindTests
{
    [Fact]
    public void Every_catalogued_op_has_its_own_kind_named_after_it()
    {
        var kinds = OpCatalog.Keys.Keys.Select(name => (Name: name, Kind: new ScriptOp(name, new Dictionary<string, ulong>(), 1, name).Kind)).ToList();
        foreach (var (name, kind) in kinds)
            Assert.Equal(string.Concat(name.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..])), kind.ToString());
        Assert.Equal(Enum.GetValues<OpKind>().Order(), kinds.Select(k => k.Kind).Order());
    }

    [Fact]
    public void Arguments_read_at_parse_time_are_those_the_op_gives()
    {
        var write = OpScript.Parse("set_pte(kind=user,valid=false,mm=2,addr=0x3000,page_shift=21)").Single();
        Assert.Equal(new PteWrite(2, 0x3000, PteKind.User, false, 3, 21, 28), write.Write);
        Assert.Null(OpScript.Parse("set_pte").Single().Write);
        Assert.Equal(2, OpScript.Parse("enable(preempt=2)").Single().Preempt);
        Assert.Equal(-1, OpScript.Parse("enable").Single().Preempt);
        Assert.Equal(1, OpScript.Parse("migrate(cpu=1)").Single().Target);
        Assert.Equal(2, OpScript.Parse("switch(task=2)").Single().Target);
        Assert.True(OpScript.Parse("enable(mm=1,start=0x1000,end=0x3000)").Single().Ranged);
    }
}
