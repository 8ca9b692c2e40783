using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Access;

namespace StreamRisk.Core.Tests.Access;

public sealed class ApiKeyToken_Format
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_issued_token_parses_back_to_its_key_and_matches_its_hash()
    {
        var (token, key) = ApiKeyToken.Issue("desk", ApiScopes.Read, "label", T0);

        Assert.StartsWith(ApiKeyToken.Prefix, token, StringComparison.Ordinal);
        Assert.True(ApiKeyToken.TryParse(token, out var keyId, out var secret));
        Assert.Equal(key.KeyId, keyId);
        Assert.Matches("^[0-9a-f]{12}$", keyId);
        Assert.Equal(43, secret.Length);
        Assert.True(ApiKeyToken.Matches(key, secret));
        Assert.DoesNotContain(secret, key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_issued_tokens_share_neither_id_nor_secret()
    {
        var a = ApiKeyToken.Issue("desk", ApiScopes.Read, null, T0);
        var b = ApiKeyToken.Issue("desk", ApiScopes.Read, null, T0);

        Assert.NotEqual(a.Key.KeyId, b.Key.KeyId);
        Assert.NotEqual(a.Key.SecretSha256, b.Key.SecretSha256);
    }

    [Fact]
    public void A_key_without_a_scope_is_not_issued() =>
        Assert.Throws<ArgumentException>(() => ApiKeyToken.Issue("desk", ApiScopes.None, null, T0));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer srk_0123456789ab_secret")]
    [InlineData("srk_0123456789ab")]
    [InlineData("srk_0123456789ab_")]
    [InlineData("srk_0123456789AB_secret")]
    [InlineData("srk_0123456789a_secret")]
    [InlineData("srk_0123456789abc_secret")]
    [InlineData("xyz_0123456789ab_secret")]
    public void Anything_not_shaped_like_a_token_does_not_parse(string? text) =>
        Assert.False(ApiKeyToken.TryParse(text, out _, out _));

    [Property(MaxTest = 200)]
    public Property A_changed_secret_never_matches() => Prop.ForAll(
        Gen.Choose(0, 42).Zip(Gen.Elements("A", "z", "0", "-", "_")).ToArbitrary(),
        change =>
        {
            var (token, key) = ApiKeyToken.Issue("desk", ApiScopes.Read, null, T0);
            ApiKeyToken.TryParse(token, out _, out var secret);
            var (at, replacement) = change;
            var altered = secret[..at] + replacement + secret[(at + 1)..];
            return ApiKeyToken.Matches(key, altered) == (altered == secret);
        });
}
