using LazyMmuGen.Runtime.Reporting;
using Xunit;

namespace LazyMmuGen.Runtime.Tests;

public class NameListTests
{
    [Theory]
    [InlineData("final", "final")]
    [InlineData(" final , v3 ", "final|v3")]
    [InlineData("v3,final,v3", "v3|final")]
    public void Items_are_trimmed_kept_in_order_and_each_given_once(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), NameList.Split(text, "--mode", "final,v3", out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("final,", "--mode 'final,': item 2 of 2 is empty; separate names with one comma and no trailing comma, e.g. --mode final,v3.")]
    [InlineData("a, ,b", "--mode 'a, ,b': item 2 of 3 is empty; separate names with one comma and no trailing comma, e.g. --mode final,v3.")]
    [InlineData("  ", "--mode names nothing; give one or more names separated by commas, e.g. --mode final,v3.")]
    public void An_empty_item_or_list_is_an_error_naming_its_position(string text, string expected)
    {
        Assert.Null(NameList.Split(text, "--mode", "final,v3", out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Resolve_expands_all_anywhere_keeps_the_first_place_of_each_and_names_the_first_unknown()
    {
        string[] known = ["eager", "legacy", "final", "v3", "v2"];
        string[] all = ["eager", "legacy", "final", "v3"];

        Assert.Equal(["v2", "eager", "legacy", "final", "v3"], NameList.Resolve(["v2", "all", "final"], known, n => n, all, out var none));
        Assert.Null(none);
        Assert.Null(NameList.Resolve(["final", "v9", "v8"], known, n => n, all, out var unknown));
        Assert.Equal("v9", unknown);
    }
}
