using StreamRisk.Core.Access;

namespace StreamRisk.Core.Tests.Access;

public sealed class ApiScopeNames_Parse
{
    [Theory]
    [InlineData("read", ApiScopes.Read)]
    [InlineData("read,subscribe", ApiScopes.Read | ApiScopes.Subscribe)]
    [InlineData(" Admin , read ", ApiScopes.Read | ApiScopes.Admin)]
    [InlineData("read,read", ApiScopes.Read)]
    public void Names_parse_to_scopes(string text, ApiScopes expected) => Assert.Equal(expected, ApiScopeNames.Parse(text));

    [Theory]
    [InlineData("write", "unknown scope 'write'")]
    [InlineData("", "no scope given")]
    [InlineData(",", "no scope given")]
    public void A_bad_list_names_the_known_scopes(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ApiScopeNames.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("read, subscribe, admin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_combination_formats_and_parses_back()
    {
        for (var bits = 1; bits < 8; bits++)
        {
            var scopes = (ApiScopes)bits;
            Assert.Equal(scopes, ApiScopeNames.Parse(ApiScopeNames.Format(scopes)));
        }
    }

    [Fact]
    public void A_caller_has_a_scope_only_when_its_key_holds_it()
    {
        var caller = new ApiCaller("desk", "0123456789ab", ApiScopes.Read | ApiScopes.Subscribe);
        Assert.True(caller.Has(ApiScopes.Read));
        Assert.True(caller.Has(ApiScopes.Read | ApiScopes.Subscribe));
        Assert.False(caller.Has(ApiScopes.Admin));
    }
}
