using LazyMmuGen.Runtime.Scripting;

namespace LazyMmuGen.Runtime.Tests;

/// <summary>
/// An empty op or argument is refused at its column instead of skipped (found by a fresh-clone review:
/// "enable;;disable" traced two ops while ";" alone was refused).
/// </summary>
public sealed class OpScriptTests
{
    [Theory]
    [InlineData("enable;;disable", "op 2 is empty; separate ops with one ';', e.g. \"enable;set_pte;disable\"", 8)]
    [InlineData(" ; enable", "op 1 is empty; separate ops with one ';', e.g. \"enable;set_pte;disable\"", 1)]
    [InlineData(";", "op 1 is empty; separate ops with one ';', e.g. \"enable;set_pte;disable\"", 1)]
    [InlineData("enable;disable; ;", "op 3 is empty; separate ops with one ';', e.g. \"enable;set_pte;disable\"", 16)]
    [InlineData("   ", "the script has no ops; write e.g. \"enable;set_pte;disable\"", 1)]
    [InlineData("set_pte(,)", "'set_pte' has an empty argument; write key=value pairs separated by one ',' (its keys: kind, valid, mm, addr, value, page_shift, segment_shift), or 'set_pte' alone for the defaults", 9)]
    [InlineData("set_pte(kind=user,)", "'set_pte' has an empty argument; write key=value pairs separated by one ',' (its keys: kind, valid, mm, addr, value, page_shift, segment_shift), or 'set_pte' alone for the defaults", 19)]
    [InlineData("enable(,)", "'enable' has an empty argument; write key=value pairs separated by one ',' (its keys: mm, start, end, preempt), or 'enable' alone for the defaults", 8)]
    [InlineData("set_pte(=1)", "'set_pte' has an argument with no key before '=' (its keys: kind, valid, mm, addr, value, page_shift, segment_shift)", 9)]
    public void An_empty_op_or_argument_is_an_error_at_its_column(string script, string message, int column)
    {
        var error = Assert.Throws<ScriptException>(() => OpScript.Parse(script));

        Assert.Equal((message, column), (error.Message, error.Column));
    }

    [Fact]
    public void An_unknown_op_or_key_asks_the_callers_suggester_for_the_nearest()
    {
        string Nearest(string name, IEnumerable<string> candidates) => candidates.Contains(name[..^1]) ? $" Did you mean '{name[..^1]}'?" : "";

        var op = Assert.Throws<ScriptException>(() => OpScript.Parse("enable;disablee", Nearest));
        Assert.StartsWith("unknown op 'disablee'. Did you mean 'disable'? Known ops: enable, ", op.Message);
        var key = Assert.Throws<ScriptException>(() => OpScript.Parse("switch(taskk=2)", Nearest));
        Assert.Equal(("'switch' has no key 'taskk'. Did you mean 'task'? Its keys: task.", 8), (key.Message, key.Column));
        Assert.Equal("'irq_enter' has no key 'x'. It takes none.", Assert.Throws<ScriptException>(() => OpScript.Parse("irq_enter(x=1)", Nearest)).Message);
    }

    [Fact]
    public void One_trailing_semicolon_is_allowed()
    {
        Assert.Equal(["enable", "disable"], OpScript.Parse("enable;disable;").Select(o => o.Name));
    }

    [Fact]
    public void Empty_parentheses_are_the_op_with_its_defaults()
    {
        var ops = OpScript.Parse("enable ; set_pte() ;disable");

        Assert.Equal(["enable", "set_pte", "disable"], ops.Select(o => o.Name));
        Assert.Empty(ops[1].Args);
        Assert.Null(ops[1].Write);
    }
}
