using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using StreamRisk.Api.Access;
using StreamRisk.Core.Access;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Subscriptions;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Api.Tests;

/// <summary>
/// Runs the pipeline over the bundled sample corpus once, into a fresh SQLite store, and serves the API over it in a
/// TestServer. Two teams hold keys: <see cref="Client"/> calls as "desk" (read, subscribe), <see cref="OtherTeamToken"/>
/// belongs to "surv". <see cref="Store"/> reads the same file directly, for what the API's answers must equal.
/// </summary>
public sealed class SampleApiFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "streamrisk-tests", Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;

    public string DatabasePath => Path.Combine(_folder, "streamrisk.db");
    public HttpClient Client { get; private set; } = null!;
    public ApiAccess Access { get; private set; } = null!;
    public string DeskToken { get; private set; } = null!;
    public string OtherTeamToken { get; private set; } = null!;
    public string ReadOnlyToken { get; private set; } = null!;
    public string RevokedToken { get; private set; } = null!;
    public SqliteRiskStore Store { get; private set; } = null!;
    public ReferenceData Reference { get; } = ReferenceDataLoader.Load(RepositoryRoot.Of("data", "reference"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await PipelineRun.RunAsync(new RunOptions { Inputs = [RepositoryRoot.Of("data", "samples")], DatabasePath = DatabasePath }, null, CancellationToken.None);
        Store = new SqliteRiskStore(DatabasePath, mustExist: true);
        Access = AccessTo(DatabasePath);
        await Access.Teams.MigrateAsync();
        DeskToken = await IssueAsync("desk", ApiScopes.Read | ApiScopes.Subscribe);
        OtherTeamToken = await IssueAsync("surv", ApiScopes.Read | ApiScopes.Subscribe);
        ReadOnlyToken = await IssueAsync("desk", ApiScopes.Read);
        RevokedToken = await IssueAsync("desk", ApiScopes.Read | ApiScopes.Subscribe);
        ApiKeyToken.TryParse(RevokedToken, out var revoked, out _);
        await Access.Teams.RevokeApiKeyAsync(revoked, DateTimeOffset.UtcNow);
        _app = QueryApi.Build(new QueryApiOptions(), new SqliteRiskQueries(DatabasePath), Reference, Access, b => b.WebHost.UseTestServer());
        await _app.StartAsync();
        Client = ClientWith(DeskToken);
    }

    /// <summary>Teams, subscriptions and feed in the SQLite file at <paramref name="path"/> (not migrated here).</summary>
    public static ApiAccess AccessTo(string path) =>
        new(new SqliteTeamStore(path), new SqliteSubscriptionStore(path), new FeedSignal(), TimeProvider.System, () => "# metrics\n");

    /// <summary>A client of the test server that sends <paramref name="token"/> as a Bearer key (none when null).</summary>
    public HttpClient ClientWith(string? token)
    {
        var client = _app.GetTestClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    private async Task<string> IssueAsync(string team, ApiScopes scopes)
    {
        await Access.Teams.AddTeamAsync(new Team(team, team, DateTimeOffset.UtcNow));
        var (token, key) = ApiKeyToken.Issue(team, scopes, null, DateTimeOffset.UtcNow);
        await Access.Teams.AddApiKeyAsync(key);
        return token;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await Access.Teams.DisposeAsync();
        await Access.Subscriptions.DisposeAsync();
        await Store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every item of a list, page after page of <paramref name="limit"/>, and how many pages it took.</summary>
    public async Task<(List<JsonElement> Items, int Pages)> GetAllPagesAsync(string url, int limit)
    {
        var items = new List<JsonElement>();
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetJsonAsync($"{url}{separator}limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            pages++;
            var chunk = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(chunk.Count, 0, limit);
            items.AddRange(chunk);
            cursor = page.GetProperty("next_cursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next_cursor").GetString();
            Assert.True(pages < 10_000, "paging does not end");
        }
        while (cursor is not null);
        return (items, pages);
    }

    /// <summary>An issuer the sample run raised an alert for: it has a daily index and risk scores too.</summary>
    public async Task<string> AlertedIssuerAsync() => (await Store.GetAlertsAsync()).First().IssuerId;
}

[CollectionDefinition(Name)]
public sealed class SampleApiCollection : ICollectionFixture<SampleApiFixture>
{
    public const string Name = "query API over the sample run";
}
