using StreamRisk.Core.Access;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>What every <see cref="ITeamStore"/> must do; SQLite and PostgreSQL run the same cases on a fresh store each.</summary>
public abstract class TeamStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    protected ITeamStore Store { get; private set; } = null!;

    protected abstract Task<ITeamStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.MigrateAsync();
    }

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    [Fact]
    public async Task A_team_is_added_once_and_read_back()
    {
        Assert.True(await Store.AddTeamAsync(new Team("rates-desk", "Rates desk", T0)));
        Assert.False(await Store.AddTeamAsync(new Team("rates-desk", "Someone else", T0.AddDays(1))));

        var team = await Store.GetTeamAsync("rates-desk");
        Assert.Equal(new Team("rates-desk", "Rates desk", T0), team);
        Assert.Null(await Store.GetTeamAsync("nobody"));
    }

    [Fact]
    public async Task Teams_are_listed_by_id()
    {
        await Store.AddTeamAsync(new Team("surveillance", "Surveillance", T0));
        await Store.AddTeamAsync(new Team("credit-desk", "Credit desk", T0));

        Assert.Equal(["credit-desk", "surveillance"], (await Store.GetTeamsAsync()).Select(t => t.TeamId));
    }

    [Fact]
    public async Task An_issued_key_is_stored_as_a_hash_and_read_back_whole()
    {
        await Store.AddTeamAsync(new Team("credit-desk", "Credit desk", T0));
        var (token, key) = ApiKeyToken.Issue("credit-desk", ApiScopes.Read | ApiScopes.Subscribe, "grafana", T0);

        await Store.AddApiKeyAsync(key);

        var stored = await Store.GetApiKeyAsync(key.KeyId);
        Assert.NotNull(stored);
        Assert.Equal(key with { SecretSha256 = [] }, stored with { SecretSha256 = [] });
        Assert.Equal(key.SecretSha256, stored.SecretSha256);
        Assert.True(ApiKeyToken.TryParse(token, out _, out var secret));
        Assert.True(ApiKeyToken.Matches(stored, secret));
        Assert.DoesNotContain(secret, Convert.ToHexString(stored.SecretSha256), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_key_for_a_team_that_does_not_exist_is_refused()
    {
        var (_, key) = ApiKeyToken.Issue("ghost", ApiScopes.Read, null, T0);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.AddApiKeyAsync(key));
        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetApiKeyAsync(key.KeyId));
    }

    [Fact]
    public async Task A_team_lists_only_its_own_keys_oldest_first()
    {
        await Store.AddTeamAsync(new Team("a", "A", T0));
        await Store.AddTeamAsync(new Team("b", "B", T0));
        var first = ApiKeyToken.Issue("a", ApiScopes.Read, "first", T0).Key;
        var second = ApiKeyToken.Issue("a", ApiScopes.Admin, "second", T0.AddHours(1)).Key;
        var other = ApiKeyToken.Issue("b", ApiScopes.Read, null, T0).Key;
        foreach (var key in new[] { second, other, first })
        {
            await Store.AddApiKeyAsync(key);
        }

        Assert.Equal([first.KeyId, second.KeyId], (await Store.GetApiKeysAsync("a")).Select(k => k.KeyId));
        Assert.Equal([other.KeyId], (await Store.GetApiKeysAsync("b")).Select(k => k.KeyId));
    }

    [Fact]
    public async Task Revoking_keeps_the_first_revocation_time()
    {
        await Store.AddTeamAsync(new Team("a", "A", T0));
        var key = ApiKeyToken.Issue("a", ApiScopes.Read, null, T0).Key;
        await Store.AddApiKeyAsync(key);

        Assert.True(await Store.RevokeApiKeyAsync(key.KeyId, T0.AddDays(1)));
        Assert.False(await Store.RevokeApiKeyAsync(key.KeyId, T0.AddDays(2)));
        Assert.False(await Store.RevokeApiKeyAsync("000000000000", T0));

        Assert.Equal(T0.AddDays(1), (await Store.GetApiKeyAsync(key.KeyId))!.RevokedAt);
    }

    [Fact]
    public async Task The_authenticator_accepts_only_a_live_key_with_its_own_secret()
    {
        await Store.AddTeamAsync(new Team("a", "A", T0));
        var (token, key) = ApiKeyToken.Issue("a", ApiScopes.Read, null, T0);
        await Store.AddApiKeyAsync(key);
        var authenticator = new ApiKeyAuthenticator(Store);

        Assert.Equal(new ApiCaller("a", key.KeyId, ApiScopes.Read), await authenticator.AuthenticateAsync(token));
        Assert.Null(await authenticator.AuthenticateAsync(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')));
        Assert.Null(await authenticator.AuthenticateAsync(ApiKeyToken.Issue("a", ApiScopes.Read, null, T0).Token));

        await Store.RevokeApiKeyAsync(key.KeyId, T0.AddDays(1));
        Assert.Null(await authenticator.AuthenticateAsync(token));
    }
}
